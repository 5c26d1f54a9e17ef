package dev.switchboard.cli;

import dev.switchboard.errors.ModelLoadException;
import dev.switchboard.local.files.DownloadListener;
import dev.switchboard.local.files.HubEnvironment;
import dev.switchboard.local.files.HubFileRef;
import dev.switchboard.local.files.ModelFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard pull REF}: a model file into the Hugging Face cache, with a progress bar. */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Downloads a model file into the Hugging Face cache (resumed, checked) and prints its path.",
                "REF is hf:owner/repo/file[@revision] or a local path."})
final class PullCommand implements Callable<Integer> {
    @ParentCommand
    Switchboard root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REF", description = "hf:owner/repo/path/in/repo[@revision], or a path")
    String ref;

    @Option(names = "--no-progress", description = "No progress bar")
    boolean noProgress;

    @Override
    public Integer call() {
        boolean shown = !noProgress && System.console() != null;
        StepBar[] bar = new StepBar[1];
        DownloadListener listener = new DownloadListener() {
            @Override
            public void downloadStarted(HubFileRef file, long resumedFrom, long totalBytes) {
                bar[0] = StepBar.open("Pulling " + file, "MB", 1 << 20, shown, System.err);
                bar[0].progress(resumedFrom, totalBytes);
            }

            @Override
            public void downloadProgress(HubFileRef file, long bytesDone, long totalBytes) {
                if (bar[0] != null) bar[0].progress(bytesDone, totalBytes);
            }

            @Override
            public void downloadFinished(HubFileRef file, Path blob) {
                if (bar[0] != null) bar[0].close();
            }

            @Override
            public void downloadFailed(HubFileRef file, ModelLoadException failure) {
                if (bar[0] != null) bar[0].close();
            }
        };
        ModelFiles files = ModelFiles.builder()
                .environment(HubEnvironment.from(root.env, Path.of(System.getProperty("user.home"))))
                .listener(listener).build();
        Path path;
        try {
            path = files.resolve(ref);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage());
        }
        spec.commandLine().getOut().println(path);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
