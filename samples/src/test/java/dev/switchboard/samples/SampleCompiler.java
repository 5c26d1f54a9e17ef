package dev.switchboard.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles one sample's source, held in memory, against a class path into a directory. */
final class SampleCompiler {
    private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    private final String classPath;
    private final String sdkName;

    SampleCompiler(String classPath, String sdkName) {
        if (compiler == null) throw new IllegalStateException("no Java compiler: run the tests on a JDK, not a JRE");
        this.classPath = classPath;
        this.sdkName = sdkName;
    }

    /** Compiles {@code source} (a file named {@code fileName}) into {@code out}; throws AssertionError with the errors. */
    void compile(String fileName, String source, Path out) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none", "-encoding", "UTF-8",
                    "-classpath", classPath, "-d", out.toString());
            Boolean ok = compiler.getTask(null, files, diagnostics, options, null, List.of(new Source(fileName, source))).call();
            if (!ok) {
                String errors = diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .map(d -> fileName + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT)
                                + "\n    " + line(source, d.getLineNumber()))
                        .collect(Collectors.joining("\n"));
                throw new AssertionError(fileName + " does not compile against " + sdkName + ":\n" + errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(String source, long number) {
        String[] lines = source.split("\n", -1);
        return number >= 1 && number <= lines.length ? lines[(int) number - 1].strip() : "";
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String fileName, String text) {
            super(URI.create("string:///" + fileName), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
