package dev.switchboard.cli;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.models.audio.AudioResponseFormat;
import dev.switchboard.models.audio.transcriptions.Transcription;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateResponse;
import dev.switchboard.models.audio.transcriptions.TranscriptionSegment;
import dev.switchboard.models.audio.transcriptions.TranscriptionVerbose;
import dev.switchboard.router.Router;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard transcribe FILE}: the words of an audio file. */
@Command(name = "transcribe", mixinStandardHelpOptions = true, description = "Prints what is said in an audio FILE.")
final class TranscribeCommand implements Callable<Integer> {
    @ParentCommand
    Switchboard root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The audio (wav, mp3, flac, ... as the pool's engine reads)")
    Path file;

    @Option(names = {"-m", "--model"}, defaultValue = "transcription", description = "The pool (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = {"-l", "--language"}, description = "The spoken language (ISO-639-1, e.g. en), when known")
    String language;

    @Option(names = "--prompt", description = "Text that came before, or words to spell a certain way")
    String prompt;

    @Option(names = "--segments", description = "Print each segment with its start and end times")
    boolean segments;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) throw CliFailure.usage("no audio file " + file);
        PrintWriter out = spec.commandLine().getOut();
        Router router = root.router();
        try (OpenAIClient client = Switchboard.client(router)) {
            String pool = Switchboard.pool(router, model, root.configFile());
            TranscriptionCreateParams.Builder params = TranscriptionCreateParams.builder().file(file).model(pool);
            if (language != null) params.language(language);
            if (prompt != null) params.prompt(prompt);
            if (segments) params.responseFormat(AudioResponseFormat.VERBOSE_JSON);
            TranscriptionCreateResponse response = client.audio().transcriptions().create(params.build());
            response.accept(new TranscriptionCreateResponse.Visitor<Void>() {
                @Override
                public Void visitTranscription(Transcription transcription) {
                    out.println(transcription.text().strip());
                    return null;
                }

                @Override
                public Void visitVerbose(TranscriptionVerbose verbose) {
                    if (!segments || verbose.segments().isEmpty()) {
                        out.println(verbose.text().strip());
                    } else {
                        for (TranscriptionSegment s : verbose.segments().get()) {
                            out.println(String.format(Locale.ROOT, "[%7.2f -> %7.2f] %s", s.start(), s.end(), s.text().strip()));
                        }
                    }
                    return null;
                }
            });
            out.flush();
            return 0;
        }
    }
}
