package dev.switchboard.cli;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.core.http.HttpResponse;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import dev.switchboard.router.Router;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard speak TEXT -o FILE}: speech written to a file. */
@Command(name = "speak", mixinStandardHelpOptions = true, description = "Says TEXT into an audio file.")
final class SpeakCommand implements Callable<Integer> {
    private static final List<String> FORMATS = List.of("mp3", "opus", "aac", "flac", "wav", "pcm");

    @ParentCommand
    Switchboard root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "What to say (the words are joined)")
    List<String> text;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "Where the audio goes; its extension picks the format unless --format does")
    Path output;

    @Option(names = {"-m", "--model"}, defaultValue = "speech", description = "The pool (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--voice", defaultValue = "alloy", description = "The voice (default: ${DEFAULT-VALUE})")
    String voice;

    @Option(names = "--format", description = "mp3, opus, aac, flac, wav or pcm (default: from the file's extension, else wav)")
    String format;

    @Option(names = "--speed", description = "0.25 to 4.0")
    Double speed;

    @Override
    public Integer call() {
        String chosen = format != null ? format.toLowerCase(Locale.ROOT) : fromExtension(output);
        if (!FORMATS.contains(chosen)) {
            throw CliFailure.usage("--format must be one of " + String.join(", ", FORMATS) + ", was " + chosen);
        }
        Router router = root.router();
        try (OpenAIClient client = Switchboard.client(router)) {
            String pool = Switchboard.pool(router, model, root.configFile());
            SpeechCreateParams.Builder params = SpeechCreateParams.builder().model(pool).input(String.join(" ", text))
                    .voice(voice).responseFormat(SpeechCreateParams.ResponseFormat.of(chosen));
            if (speed != null) params.speed(speed);
            long bytes;
            Path partial = output.resolveSibling(output.getFileName() + ".part");
            try (HttpResponse audio = client.audio().speech().create(params.build()); InputStream in = audio.body()) {
                // Written aside and moved into place, so a failed call never leaves half a file under the name.
                bytes = Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw CliFailure.failed("cannot write " + output + ": " + e.getMessage());
            } finally {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // Best effort: the message above is what matters.
                }
            }
            spec.commandLine().getOut().println("Wrote " + bytes + " bytes of " + chosen + " to " + output);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private static String fromExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ext.equals("ogg") ? "opus" : FORMATS.contains(ext) ? ext : "wav";
    }
}
