package org.lipf.cli;

import java.io.PrintStream;
import java.time.Duration;

/**
 * The one-line progress report of a run: simulated time, fraction done, steps per second and the
 * estimated time left ({@link TimeLeft}). Rewrites itself on a terminal, prints a line every 10 s otherwise.
 */
final class ProgressLine {
    private final PrintStream out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private final long startStep;
    private final TimeLeft timeLeft;
    private long lastPrintNanos;
    /** The step of the last line printed: the forced final line of a run is not printed again for the same step. */
    private long lastPrintedStep = -1;

    ProgressLine(PrintStream out, long startStep, double startTime_s) {
        this.out = out;
        this.terminal = System.console() != null;
        this.startStep = startStep;
        this.timeLeft = new TimeLeft(0, startTime_s);
    }

    void update(double time_s, double end_s, long step, double voltage_V, double current_A_per_m2, boolean force) {
        long now = System.nanoTime();
        double wall = (now - startNanos) * 1e-9;
        // every step counts towards the estimate, printed or not
        timeLeft.record(wall, time_s);
        long interval = terminal ? 500_000_000L : 10_000_000_000L;
        if (step == lastPrintedStep || (!force && now - lastPrintNanos < interval)) return;
        lastPrintNanos = now;
        lastPrintedStep = step;
        double stepsPerSecond = wall > 0 ? (step - startStep) / wall : 0;
        double done = end_s > 0 ? Math.min(1, time_s / end_s) : 0;
        double left_s = timeLeft.remaining_s(end_s);
        String eta = Double.isNaN(left_s) ? "--:--:--" : format(Duration.ofSeconds((long) Math.ceil(left_s)));
        String line = String.format("t = %.5g s (%5.1f%%)  step %d  %.0f steps/s  V = %.4f V  i = %.4g mA/cm^2  ETA %s",
                time_s, 100 * done, step, stepsPerSecond, voltage_V, current_A_per_m2 / 10, eta);
        if (terminal) out.print("\r" + line + "   ");
        else out.println(line);
        out.flush();
    }

    void finish() {
        if (terminal) out.println();
    }

    private static String format(Duration d) {
        return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }
}
