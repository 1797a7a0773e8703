package org.lipf.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.lipf.cli.RunDriver;
import org.lipf.kernels.cpu.AllenCahnUpdate;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.output.TimeSeriesWriter;
import org.lipf.scenario.Integrator;
import org.lipf.scenario.Scenario;

/**
 * What {@code lipf sweep --plan} prints: every run with its parameters, state, cells and an
 * estimate of its steps, and the estimated cost of the runs left. Steps are estimated from the
 * explicit Allen-Cahn stability limit (and {@code time.max_step}), a lower bound: the reaction and
 * Nernst-Planck limits can shorten the step further; semi-implicit runs from {@code time.max_step}
 * and the time-series rows alone (their step follows the front and is often shorter). The wall time assumes the cell-steps per
 * thread-second measured on the runs already finished in the sweep folder, else
 * {@link #NOMINAL_CELL_STEPS_PER_THREAD_S} (the README benchmark's full step, 2D).
 */
final class CostEstimate {
    /** Full steps (both potential solves) of the 2-core benchmark machine: 4.3 Mcell/s with 2 threads (2D 512^2). */
    static final double NOMINAL_CELL_STEPS_PER_THREAD_S = 2.1e6;

    private CostEstimate() {
    }

    /** A lower bound of the steps of a run of {@code s} to {@code end_s}, at most {@code maxSteps}. */
    static long steps(Scenario s, double end_s, long maxSteps) {
        double dt;
        if (s.time().integrator() == Integrator.SEMI_IMPLICIT) {
            // no stability limit: the step is bounded by max_step and by the time-series rows (ten per output interval)
            dt = Math.min(s.time().maxStep_s(), s.time().outputInterval_s() / 10);
        } else {
            ModelParameters p = ModelParameters.from(s);
            // the stability limit needs no worker threads
            dt = new AllenCahnUpdate(s.grid().toGrid(), p, new MaterialTable(s, p), null).stableStep_s();
            dt = Math.min(s.time().stabilitySafety() * dt, s.time().maxStep_s());
        }
        return Math.min(maxSteps, (long) Math.ceil(end_s / dt));
    }

    static void print(SweepSpec spec, List<SweepRun> runs, List<Scenario> scenarios, Path sweepDir, int threadsPerRun, int jobs, PrintStream out)
            throws IOException {
        double cellStepsLeft = 0, measuredCellSteps = 0, measuredThreadSeconds = 0;
        out.printf("%-5s %-60s %-11s %10s %12s%n", "index", "run", "status", "cells", "steps (est.)");
        for (int i = 0; i < runs.size(); i++) {
            SweepRun r = runs.get(i);
            Scenario s = scenarios.get(i);
            long cells = s.grid().toGrid().cellCount();
            double end = spec.endTime_s() != null ? spec.endTime_s() : s.time().end_s();
            long steps = steps(s, end, spec.maxSteps() != null ? spec.maxSteps() : s.time().maxSteps());
            RunState state = RunState.of(r.folder(sweepDir));
            out.printf("%-5d %-60s %-11s %10d %12d%n", r.index(), r.id(), state.status().csv(), cells, steps);
            if (!state.status().done()) {
                cellStepsLeft += (double) cells * steps;
                continue;
            }
            String step = RunMetrics.lastRow(r.folder(sweepDir).resolve(TimeSeriesWriter.FILE_NAME)).get("step");
            String wall = RunMetrics.read(r.folder(sweepDir), state.info(), List.of()).get(RunMetrics.WALL_TIME);
            // a restarted run's wall time covers only its last attempt
            if (step != null && wall != null && !state.info().results().containsKey(RunDriver.RESTARTED_FROM)) {
                measuredCellSteps += cells * Double.parseDouble(step);
                measuredThreadSeconds += Double.parseDouble(wall) * state.info().threads();
            }
        }
        boolean measured = measuredThreadSeconds > 0;
        double rate = measured ? measuredCellSteps / measuredThreadSeconds : NOMINAL_CELL_STEPS_PER_THREAD_S;
        double wall_s = cellStepsLeft / (rate * threadsPerRun * jobs);
        Duration d = Duration.ofSeconds((long) Math.ceil(wall_s));
        out.printf("%d runs; left: %.3g cell-steps (at least), about %d:%02d:%02d with %d job(s) x %d thread(s) at %.3g cell-steps per thread-second (%s)%n",
                runs.size(), cellStepsLeft, d.toHours(), d.toMinutesPart(), d.toSecondsPart(), jobs, threadsPerRun, rate,
                measured ? "measured on the finished runs here" : "nominal, from the README benchmark");
    }
}
