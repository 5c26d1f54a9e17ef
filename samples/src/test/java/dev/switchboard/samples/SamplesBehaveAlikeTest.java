package dev.switchboard.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof that the samples are drop-in compatible: each sample's source compiles unchanged against
 * Switchboard and, with {@code dev.switchboard.} turned back into {@code com.openai.}, against the
 * official SDK; then both programs run against the same scripted server and must send the same
 * requests, print the same output and write the same files.
 */
final class SamplesBehaveAlikeTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/switchboard/samples");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;", Pattern.MULTILINE);

    private static SdkClassPaths classPaths;
    private static SampleCompiler switchboardCompiler;
    private static SampleCompiler officialCompiler;

    @TempDir
    Path temp;

    @BeforeAll
    static void findTheSdks() {
        classPaths = SdkClassPaths.ofThisJvm();
        switchboardCompiler = new SampleCompiler(classPaths.switchboard(), "Switchboard (switchboard-client)");
        officialCompiler = new SampleCompiler(classPaths.official(), "the official SDK (com.openai:openai-java)");
    }

    static Stream<String> samples() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".java"))
                    .map(name -> name.substring(0, name.length() - ".java".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void samplesCoverEveryAreaTheIssueNames() throws IOException {
        assertThat(samples()).contains(
                "ChatCompletionExample", "ChatStreamingExample", "ChatAsyncExample", "ChatAsyncStreamingExample",
                "ConversationExample", "FunctionCallingExample", "EmbeddingsExample", "TranscriptionExample",
                "SpeechExample", "ImageGenerationExample", "ModelListExample", "ChatImageUrlExample",
                "StructuredOutputsRawExample", "ErrorHandlingExample", "StructuredOutputsExample",
                "StructuredOutputsAsyncExample", "StructuredOutputsStreamingExample", "FunctionCallingFromClassExample",
                "ChatStreamingAccumulatorExample");
    }

    @ParameterizedTest(name = "{0} imports only Switchboard, the JDK and Jackson's annotations")
    @MethodSource("samples")
    void sampleImportsOnlySwitchboardTheJdkAndJacksonAnnotations(String sample) throws IOException {
        List<String> imports = new ArrayList<>();
        Matcher m = IMPORT.matcher(source(sample));
        while (m.find()) imports.add(m.group(1));

        assertThat(imports)
                .as("imports of %s", sample)
                .isNotEmpty()
                // Jackson's annotations describe classes for structured outputs, as official SDK users write them.
                .allSatisfy(name -> assertThat(name).matches("(dev\\.switchboard|java|javax|com\\.fasterxml\\.jackson\\.annotation)\\..+"));
    }

    @ParameterizedTest(name = "{0} never calls System.exit")
    @MethodSource("samples")
    void sampleNeverCallsSystemExit(String sample) throws IOException {
        // A sample runs inside other programs (exec:java, IDEs); ending their JVM is not its call.
        assertThat(source(sample)).as("source of %s", sample).doesNotContain("System.exit", "Runtime.getRuntime().exit");
    }

    @ParameterizedTest(name = "{0} behaves the same on Switchboard as on the official SDK")
    @MethodSource("samples")
    @Execution(ExecutionMode.CONCURRENT)
    void sampleBehavesTheSameOnSwitchboardAsOnTheOfficialSdk(String sample) throws IOException {
        String source = source(sample);
        Path officialClasses = Files.createDirectories(temp.resolve("official-classes"));
        Path switchboardClasses = Files.createDirectories(temp.resolve("switchboard-classes"));
        officialCompiler.compile(sample + ".java", source.replace("dev.switchboard.", "com.openai."), officialClasses);
        switchboardCompiler.compile(sample + ".java", source, switchboardClasses);

        // Each sample has a server of its own, so that samples can run side by side.
        SampleRun official;
        SampleRun switchboard;
        List<RecordedCall> officialRequests;
        List<RecordedCall> switchboardRequests;
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new ScriptedOpenAi());
            String baseUrl = server.url("/v1").toString();
            official = SampleRun.fork("com.openai.samples." + sample, officialClasses, classPaths.official(),
                    baseUrl, temp.resolve("official-run"));
            officialRequests = requestsSoFar(server);
            switchboard = SampleRun.fork("dev.switchboard.samples." + sample, switchboardClasses,
                    classPaths.switchboard(), baseUrl, temp.resolve("switchboard-run"));
            switchboardRequests = requestsSoFar(server);
        }

        assertThat(official.exitCode())
                .as("%s on the official SDK exited with %d; stdout:%n%s%nstderr:%n%s",
                        sample, official.exitCode(), official.stdout(), official.stderr())
                .isZero();
        assertThat(switchboard.exitCode())
                .as("%s on Switchboard exited with %d; stdout:%n%s%nstderr:%n%s",
                        sample, switchboard.exitCode(), switchboard.stdout(), switchboard.stderr())
                .isZero();
        assertThat(officialRequests).as("requests of %s on the official SDK", sample).isNotEmpty();
        assertThat(switchboardRequests)
                .as("requests of %s on Switchboard (actual) and on the official SDK (expected)", sample)
                .isEqualTo(officialRequests);
        assertThat(official.stdout()).as("output of %s on the official SDK", sample).isNotBlank();
        assertThat(switchboard.stdout())
                .as("output of %s on Switchboard (actual) and on the official SDK (expected); Switchboard's stderr:%n%s",
                        sample, switchboard.stderr())
                .isEqualTo(official.stdout());
        assertThat(switchboard.filesWritten())
                .as("files %s wrote on Switchboard (actual) and on the official SDK (expected)", sample)
                .isEqualTo(official.filesWritten());
    }

    private static String source(String sample) throws IOException {
        return Files.readString(SOURCES.resolve(sample + ".java"));
    }

    /** The requests the server saw since the last call; the run that sent them has exited. */
    private static List<RecordedCall> requestsSoFar(MockWebServer server) {
        List<RecordedCall> calls = new ArrayList<>();
        try {
            for (RecordedRequest r = server.takeRequest(0, TimeUnit.SECONDS); r != null; r = server.takeRequest(0, TimeUnit.SECONDS)) {
                calls.add(RecordedCall.of(r));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return calls;
    }
}
