package dev.switchboard.local.whisper;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.errors.ModelLoadException;
import io.github.givimad.whisperjni.WhisperJNI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by {@link WhisperJvmTest} in a JVM of its own. No argument: a transcription through the
 * client, then main returns. {@code raw-f32}: an F32 model handed straight to whisper-jni, as if
 * nothing checked it. {@code checked-f32}: the same file through the engine, printing the refusal.
 */
public final class WhisperExitMain {
    private WhisperExitMain() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "transcribe" : args[0];
        Path dir = Files.createTempDirectory("switchboard-whisper-exit");
        switch (mode) {
            case "raw-f32": {
                Path model = Files.write(dir.resolve("f32.bin"), LocalWhisperFiles.f32());
                WhisperJNI.loadLibrary();
                WhisperJNI.setLibraryLogger(null);
                WhisperJNI whisper = new WhisperJNI();
                io.github.givimad.whisperjni.WhisperContext context = whisper.initNoState(model);
                io.github.givimad.whisperjni.WhisperFullParams params = new io.github.givimad.whisperjni.WhisperFullParams();
                params.printProgress = false;
                params.printTimestamps = false;
                float[] silence = new float[32_000];
                // the load succeeds; whisper.cpp 1.7.1 aborts the JVM in the transcription (GGML_ASSERT)
                whisper.fullWithState(context, whisper.initState(context), params, silence, silence.length);
                System.out.println("transcribed");
                return;
            }
            case "checked-f32": {
                Path model = Files.write(dir.resolve("f32.bin"), LocalWhisperFiles.f32());
                try (OpenAIClient client = LocalWhisper.client(LocalWhisper.deployment("f32", model).build())) {
                    client.audio().transcriptions().create(
                            dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams.builder()
                                    .model("transcription").file(LocalWhisper.speech()).build());
                } catch (ModelLoadException e) {
                    System.out.println("refused");
                }
                return;
            }
            default:
                try (OpenAIClient client = LocalWhisper.client(LocalWhisper.deployment("tiny", LocalWhisper.multilingual()).build())) {
                    client.audio().transcriptions().create(
                            dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams.builder()
                                    .model("transcription").file(LocalWhisper.speech()).build());
                }
        }
    }
}
