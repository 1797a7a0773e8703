package org.lipf.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.kernels.cpu.AllenCahnUpdate;
import org.lipf.model.Interpolation;
import org.lipf.backend.opencl.CopyBandwidth;
import org.lipf.backend.opencl.OpenClBackend;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;
import org.lipf.solver.Backend;
import org.lipf.solver.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lipf bench}: cell updates per second of the explicit field update and of a full step
 * (with the potential solves), the multigrid cycles (W-cycles) per step, the memory bandwidth (CPU: a triad; OpenCL:
 * a copy kernel on the device), and the explicit update's fraction of that bandwidth.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure a backend: cell updates per second and fraction of the memory bandwidth.")
final class BenchCommand implements Callable<Integer> {
    /**
     * Allocation per cell and explicit step, beyond {@link #ALLOCATION_ALLOWANCE_BYTES_PER_STEP}, above which the SIMD
     * loops ran in the Vector API's Java fallback, which boxes their vectors (27 bytes per cell in the 2D case, 125 in
     * 3D, when Java 17 compiled them so); compiled well they allocate nothing (about 1 byte per cell in 3D without
     * tiered compilation).
     */
    static final double SLOW_MODE_BYTES_PER_CELL = 10;
    /** The smallest grid edges, in cells, that hold the bench cell's layer and nucleus (8 um in, in 2D; 4 um in 3D). */
    static final int MIN_EDGE_2D = 32, MIN_EDGE_3D = 16;
    /** What the rest of the explicit update allocates per step, whatever the grid (1.5 kB measured). */
    static final double ALLOCATION_ALLOWANCE_BYTES_PER_STEP = 64e3;

    /** Whether an explicit update that allocated this much per step on this many cells ran its SIMD loops boxed. */
    static boolean vectorsBoxed(double allocatedBytesPerStep, double cells) {
        return (allocatedBytesPerStep - ALLOCATION_ALLOWANCE_BYTES_PER_STEP) / cells > SLOW_MODE_BYTES_PER_CELL;
    }

    /**
     * Bytes the explicit update must move per cell: Allen-Cahn reads xi, c, phi_l, phi_s and the
     * material id and writes rate and xi; Nernst-Planck reads xi, c, phi_l, rate and the id and
     * writes c (neighbour reads come from cache): 11 reals and 2 bytes.
     */
    static int explicitBytesPerCell(int realBytes) {
        return 11 * realBytes + 2;
    }

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--steps", paramLabel = "N", description = "Timed steps per block, best of three blocks (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    int steps;

    @Option(names = "--size2d", paramLabel = "N[,N...]", split = ",", description = "2D grid edges (default: ${DEFAULT-VALUE}).", defaultValue = "512")
    int[] size2d;

    @Option(names = "--size3d", paramLabel = "N[,N...]", split = ",", description = "3D grid edges (default: ${DEFAULT-VALUE}).", defaultValue = "96")
    int[] size3d;

    @Mixin
    BackendOptions backendOptions = new BackendOptions();

    @Override
    public Integer call() {
        for (int[] sizes : new int[][] {size2d, size3d})
            for (int e : sizes) {
                final boolean twoD = sizes == size2d;
                final int least = twoD ? MIN_EDGE_2D : MIN_EDGE_3D;
                if (e < least) {
                    System.err.printf("error: %s: %d is too small: the bench cell (a 2 um Li layer and a nucleus %s um in, 0.25 um cells) needs at least %d cells per edge%n",
                            twoD ? "--size2d" : "--size3d", e, twoD ? "8" : "4", least);
                    return Lipf.EXIT_BAD_INPUT;
                }
            }
        BackendOptions.Choice choice = backendOptions.resolveOrReport(null);
        if (choice == null) return Lipf.EXIT_BAD_INPUT;
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        try (Parallel parallel = new Parallel(n)) {
            double bandwidth;
            if (choice.isOpenCl()) {
                bandwidth = CopyBandwidth.measure_bytes_per_s(choice.device(), choice.precision());
                System.out.printf("backend: %s; device copy bandwidth %.2f GB/s%n", choice.label(), bandwidth / 1e9);
            } else {
                bandwidth = TriadBandwidth.measure_bytes_per_s(parallel);
                System.out.printf("machine: %d thread(s), %s; triad memory bandwidth %.2f GB/s%n", n,
                        System.getProperty("os.arch"), bandwidth / 1e9);
            }
            System.out.printf("%-12s %14s %14s %10s %14s %12s %10s%n", "case", "explicit", "full step", "MG cycles",
                    "explicit BW", "BW fraction", "step ms");
            System.out.printf("%-12s %14s %14s %10s %14s %12s %10s%n", "", "Mcell/s", "Mcell/s", "per step", "GB/s", "", "");
            for (int e : size2d)
                bench("2D " + e + "^2", String.format("{dimensions: 2, width: %s um, height: %s um, spacing: 0.25 um}", e / 4.0, e / 4.0),
                        "{x: 8 um, radius: 2 um}", parallel, bandwidth, choice);
            for (int e : size3d)
                bench("3D " + e + "^3", String.format("{dimensions: 3, width: %s um, depth: %s um, height: %s um, spacing: 0.25 um}", e / 4.0, e / 4.0, e / 4.0),
                        "{x: 4 um, y: 4 um, radius: 1 um}", parallel, bandwidth, choice);
        }
        return 0;
    }

    private void bench(String label, String grid, String nucleus, Parallel parallel, double bandwidth, BackendOptions.Choice choice) {
        Scenario s = ScenarioLoader.parse(benchScenario(), "bench", Map.of("grid", grid, "geometry.nuclei[0]", nucleus));
        int realBytes = 8;
        if (choice.isOpenCl()) {
            realBytes = choice.precision().bytes;
            long need = OpenClBackend.deviceBytes(s.grid().toGrid(), false, choice.precision());
            if (need > choice.device().globalMemory_bytes()) {
                System.out.printf("%-12s skipped: needs about %.1f GiB of the device's %.1f GiB%n", label, need / 1073741824.0,
                        choice.device().globalMemory_bytes() / 1073741824.0);
                return;
            }
        }
        try (Simulation sim = RunDriver.fresh(s, parallel, null, choice.factory())) {
            Grid g = sim.grid();
            Backend backend = sim.backend();
            for (int i = 0; i < 5; i++) sim.advance(Double.POSITIVE_INFINITY); // warm up the JIT and the potentials
            double dt = sim.state().nextStep_s;
            // best of three blocks: the machine is shared, and the best block is the one least disturbed
            double explicitSeconds = Double.MAX_VALUE, fullSeconds = Double.MAX_VALUE;
            // bytes the JVM allocated over a block's explicit updates, the least of the blocks (the SIMD loops allocate none
            // when compiled well; early blocks may still run code the JIT has not compiled yet)
            long explicitAllocated = Long.MAX_VALUE;
            // of the best explicit block: ghost fill and Allen-Cahn, and Nernst-Planck
            double allenCahnSeconds = 0, nernstPlanckSeconds = 0;
            long iterations = 0;
            for (int block = 0; block < 3; block++) {
                long allenCahnNs = 0, nernstPlanckNs = 0;
                final long allocatedBefore = JvmAllocation.allThreads_bytes();
                for (int i = 0; i < steps; i++) {
                    // each call ends with its reductions copied back, so the device has finished
                    long t0 = System.nanoTime();
                    backend.fillGhosts();
                    backend.allenCahn(dt, i);
                    long t1 = System.nanoTime();
                    backend.nernstPlanck(dt);
                    allenCahnNs += t1 - t0;
                    nernstPlanckNs += System.nanoTime() - t1;
                }
                // at least 0: a thread that ended during the block takes its bytes out of the second sum
                explicitAllocated = Math.min(explicitAllocated, Math.max(0, JvmAllocation.allThreads_bytes() - allocatedBefore));
                double explicit = (allenCahnNs + nernstPlanckNs) * 1e-9 / steps;
                if (explicit < explicitSeconds) {
                    explicitSeconds = explicit;
                    allenCahnSeconds = allenCahnNs * 1e-9 / steps;
                    nernstPlanckSeconds = nernstPlanckNs * 1e-9 / steps;
                }
                long blockIterations = 0;
                long t0 = System.nanoTime();
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
            double explicitBandwidth = cells * explicitBytesPerCell(realBytes) / explicitSeconds;
            System.out.printf("%-12s %14.1f %14.1f %10.1f %14.2f %11.0f%% %10.2f%n", label, cells / explicitSeconds / 1e6,
                    cells / fullSeconds / 1e6, (double) iterations / steps, explicitBandwidth / 1e9,
                    100 * explicitBandwidth / bandwidth, fullSeconds * 1e3);
            System.out.printf("%-12s explicit update per cell: ghost fill and Allen-Cahn %.1f ns, Nernst-Planck %.1f ns (wall time)%n", "",
                    allenCahnSeconds * 1e9 / cells, nernstPlanckSeconds * 1e9 / cells);
            if (!choice.isOpenCl() && vectorsBoxed(explicitAllocated / (double) steps, cells))
                System.out.printf("%-12s warning: the explicit update allocated %.0f bytes per cell and step: its SIMD loops ran without the%n"
                        + "%-12s Vector API's intrinsics (not compiled yet, on a small grid, or compiled without them; docs/PERFORMANCE.md),%n"
                        + "%-12s so its figures are not the machine's: use more --steps, or run the bench again%n", "",
                        explicitAllocated / (double) steps / cells, "", "");
            backend.download();
            double[] shares = interfaceShares(g, sim.fields().xi);
            System.out.printf("%-12s cells outside the bulk (xi not 0 or 1) %.0f %%, at the interface (h' > 1e-12) %.0f %%%n", "",
                    100 * shares[0], 100 * shares[1]);
        }
    }

    /**
     * The shares of the cells where the Allen-Cahn update does work (docs/MODEL.md section 5.3): xi other than
     * exactly 0 or 1, and the interface, where h'(xi) > 1e-12 and the reaction terms are computed. The
     * explicit update's time per cell follows them.
     */
    static double[] interfaceShares(Grid g, double[] xi) {
        long outside = 0, interface_ = 0;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++) {
                final int start = g.rowStart(j, k);
                for (int P = start; P < start + g.nx; P++) {
                    if (xi[P] != 0 && xi[P] != 1) outside++;
                    if (Interpolation.dh(xi[P]) > AllenCahnUpdate.INTERFACE_DH) interface_++;
                }
            }
        return new double[] {(double) outside / g.cellCount(), (double) interface_ / g.cellCount()};
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
