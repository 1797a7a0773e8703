package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lipf.grid.Parallel;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;
import org.lipf.solver.Simulation;

/**
 * The soft-carbon cell at trend 1's 10 s steps (docs/MODEL.md section 5.3.2: dt L_sigma kappa0 / dx^2
 * about 1900, so the Allen-Cahn solves are deflated) runs the same steps with and without the deflation
 * of the front's translation: both solve to the same tolerance, so the cell voltage, the deposited
 * metal and the front agree to far below their changes over the run, and the deflated run takes fewer
 * implicit iterations (544 against 768 measured with the solves stopping at 1e-6, 778 against 1046 at 1e-10: the
 * Nernst-Planck solves and the first, short steps are not deflated).
 */
class FrontDeflationRunTest {
    @Test
    void deflatedAndPlainSolvesGiveTheSameRun() throws Exception {
        double[][] end = new double[2][];
        for (int run = 0; run < 2; run++) {
            Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "sc.yaml"),
                    Map.of("time.max_step", "10 s", "time.end", "150 s", "time.output_interval", "50 s", "solver.front_deflation", run == 0 ? "true" : "false"));
            try (Parallel parallel = new Parallel(2); Simulation sim = RunDriver.fresh(s, parallel)) {
                int steps = 0;
                long implicitIterations = 0;
                while (sim.state().time_s < 150 - 1e-9) {
                    sim.advance(150 - sim.state().time_s);
                    steps++;
                    implicitIterations += sim.state().lastImplicitIterations;
                }
                end[run] = new double[] {steps, sim.state().cellVoltage_V, sim.metalVolumePerArea_m(), sim.frontHeight_m(), implicitIterations};
            }
        }
        assertEquals(end[1][0], end[0][0], "steps");
        assertEquals(end[1][1], end[0][1], 1e-6, "cell voltage, V");
        assertEquals(end[1][2], end[0][2], 1e-6 * end[1][2], "metal volume per area, m");
        assertEquals(end[1][3], end[0][3], 1e-12, "front height, m");
        assertTrue(end[0][4] <= 0.85 * end[1][4], "implicit iterations: deflated " + end[0][4] + ", plain " + end[1][4]);
    }
}
