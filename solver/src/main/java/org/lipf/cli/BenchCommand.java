package org.lipf.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.kernels.cpu.AllenCahnUpdate;
import org.lipf.grid.GhostCells;
import org.lipf.kernels.cpu.NernstPlanckUpdate;
import org.lipf.model.FieldSet;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;
import org.lipf.solver.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lipf bench}: cell updates per second of the explicit field update and of a full step
 * (with the potential solves), the V-cycles per step, the machine's memory bandwidth measured by a
 * triad, and the explicit update's fraction of that bandwidth.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the CPU backend: cell updates per second and fraction of the memory bandwidth.")
final class BenchCommand implements Callable<Integer> {
    /**
     * Bytes the explicit update must move per cell: Allen-Cahn reads xi, c, phi_l, phi_s and the
     * material id and writes rate and xi; Nernst-Planck reads xi, c, phi_l, rate and the id and
     * writes c (neighbour reads come from cache).
     */
    static final int EXPLICIT_BYTES_PER_CELL = 8 * 4 + 1 + 8 * 2 + 8 * 4 + 1 + 8;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--steps", paramLabel = "N", description = "Timed steps per block, best of three blocks (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    int steps;

    @Option(names = "--size2d", paramLabel = "N", description = "2D grid edge (default: ${DEFAULT-VALUE}).", defaultValue = "512")
    int size2d;

    @Option(names = "--size3d", paramLabel = "N", description = "3D grid edge (default: ${DEFAULT-VALUE}).", defaultValue = "96")
    int size3d;

    @Override
    public Integer call() {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        try (Parallel parallel = new Parallel(n)) {
            double bandwidth = TriadBandwidth.measure_bytes_per_s(parallel);
            System.out.printf("machine: %d thread(s), %s; triad memory bandwidth %.2f GB/s%n", n,
                    System.getProperty("os.arch"), bandwidth / 1e9);
            System.out.printf("%-10s %14s %14s %10s %14s %12s %10s%n", "case", "explicit", "full step", "V-cycles",
                    "explicit BW", "BW fraction", "step ms");
            System.out.printf("%-10s %14s %14s %10s %14s %12s %10s%n", "", "Mcell/s", "Mcell/s", "per step", "GB/s", "", "");
            bench("2D " + size2d + "^2", String.format("{dimensions: 2, width: %s um, height: %s um, spacing: 0.25 um}", size2d / 4.0, size2d / 4.0),
                    "{x: 8 um, radius: 2 um}", parallel, bandwidth);
            bench("3D " + size3d + "^3", String.format("{dimensions: 3, width: %s um, depth: %s um, height: %s um, spacing: 0.25 um}", size3d / 4.0, size3d / 4.0, size3d / 4.0),
                    "{x: 4 um, y: 4 um, radius: 1 um}", parallel, bandwidth);
        }
        return 0;
    }

    private void bench(String label, String grid, String nucleus, Parallel parallel, double bandwidth) {
        Scenario s = ScenarioLoader.parse(benchScenario(), "bench", Map.of("grid", grid, "geometry.nuclei[0]", nucleus));
        Simulation sim = RunDriver.fresh(s, parallel);
        Grid g = sim.grid();
        FieldSet f = sim.fields();
        ModelParameters p = sim.parameters();
        MaterialTable table = sim.materials();
        AllenCahnUpdate ac = new AllenCahnUpdate(g, p, table, parallel);
        NernstPlanckUpdate np = new NernstPlanckUpdate(g, p, table, parallel);
        for (int i = 0; i < 5; i++) sim.advance(Double.POSITIVE_INFINITY); // warm up the JIT and the potentials
        double dt = sim.state().nextStep_s;
        // best of three blocks: the machine is shared, and the best block is the one least disturbed
        double explicitSeconds = Double.MAX_VALUE, fullSeconds = Double.MAX_VALUE;
        long iterations = 0;
        for (int block = 0; block < 3; block++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                GhostCells.fill(g, f.xi);
                GhostCells.fill(g, f.c);
                ac.compute(f, dt, i);
                np.compute(f, dt);
            }
            explicitSeconds = Math.min(explicitSeconds, (System.nanoTime() - t0) * 1e-9 / steps);
            long blockIterations = 0;
            t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                sim.advance(Double.POSITIVE_INFINITY);
                blockIterations += sim.state().lastIterations;
            }
            double seconds = (System.nanoTime() - t0) * 1e-9 / steps;
            if (seconds < fullSeconds) {
                fullSeconds = seconds;
                iterations = blockIterations;
            }
        }
        double cells = g.cellCount();
        double explicitBandwidth = cells * EXPLICIT_BYTES_PER_CELL / explicitSeconds;
        System.out.printf("%-10s %14.1f %14.1f %10.1f %14.2f %11.0f%% %10.2f%n", label, cells / explicitSeconds / 1e6,
                cells / fullSeconds / 1e6, (double) iterations / steps, explicitBandwidth / 1e9,
                100 * explicitBandwidth / bandwidth, fullSeconds * 1e3);
    }

    /**
     * A Li / LPSCl cell with a metal nucleus, galvanostatic, mixed conductor, anisotropy and noise
     * on; the pellet is a pure ion conductor (no nucleation inside it).
     */
    static String benchScenario() {
        return """
                name: bench
                grid: {dimensions: 2, width: 128 um, height: 128 um, spacing: 0.25 um}
                model: {form: mixed_conductor, interface_width: 0.5 um, bulk_concentration: 1.8e4 mol/m^3, anisotropy: {strength: 0.05, mode: 4}, noise: {amplitude: 0.003, seed: 1}}
                materials:
                  li: {diffusivity: 7.5e-13 m^2/s, ionic_conductivity: 0 S/m, electronic_conductivity: 1.1e7 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}
                  lpscl: {diffusivity: 3.7e-12 m^2/s, ionic_conductivity: 0.25 S/m, electronic_conductivity: 0 S/m, exchange_current_density: 2.91 A/m^2, free_fraction: 1}
                geometry:
                  background: lpscl
                  layers:
                    - {material: li, thickness: 2 um, xi: 1, c: 0}
                    - {material: lpscl, thickness: rest, c: 1}
                  nuclei: [{x: 8 um, radius: 2 um}]
                control: {mode: galvanostatic, current_density: 5 mA/cm^2}
                time: {end: 1 s, output_interval: 1 s}
                """;
    }
}
