package dev.switchboard.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on the terminal's error stream (the answer keeps standard output), over steps or
 * bytes; its total may arrive late. Quiet unless {@code shown}, so piped runs and tests stay clean.
 */
final class StepBar implements AutoCloseable {
    private final ProgressBar bar;

    private StepBar(ProgressBar bar) {
        this.bar = bar;
    }

    static StepBar open(String task, String unit, long unitSize, boolean shown, PrintStream to) {
        if (!shown) return new StepBar(null);
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(-1)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(to))
                .setUpdateIntervalMillis(200).continuousUpdate();
        if (unit != null) b.setUnit(unit, unitSize).showSpeed();
        return new StepBar(b.build());
    }

    /** {@code done} of {@code total} (-1: not known). */
    synchronized void progress(long done, long total) {
        if (bar == null || closed) return;
        if (total > 0 && bar.getMax() != total) bar.maxHint(total);
        bar.stepTo(done);
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (bar != null && !closed) bar.close();
        closed = true;
    }
}
