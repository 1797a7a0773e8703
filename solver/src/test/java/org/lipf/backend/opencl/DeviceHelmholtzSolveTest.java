package org.lipf.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jocl.CL;
import org.jocl.cl_mem;
import org.jocl.cl_program;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.linear.BoundaryCondition;
import org.lipf.linear.MultigridPreconditioner;
import org.lipf.linear.PcgSolver;
import org.lipf.linear.SolveStats;
import org.lipf.linear.VariableCoefficientPoisson;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;

/**
 * The device multigrid-PCG with a diagonal term, {@code alpha u - div(beta grad u) = r} (the
 * implicit steps' operator, docs/MODEL.md section 5.3.2), against the CPU's solve of the same random
 * problem: zero flux at the bottom, zero flux or a Dirichlet value at the top, random cell betas, and
 * alpha the linearised double well across a flat tanh front of width 2 h, negative in the cells
 * next to it (the operator stays positive definite through its faces, as in the CPU's
 * HelmholtzOperatorTest). Both solve to 1e-12 of the right-hand side's Jacobi-scaled norm with the
 * same multigrid cycle, so they take the same iterations and agree to 1e-9 of the solution's scale.
 */
class DeviceHelmholtzSolveTest {
    private static final double TOLERANCE = 1e-9, SOLVER_TOLERANCE = 1e-12;
    private static final int MAX_ITERATIONS = 200;

    @ParameterizedTest(name = "{0} x {1} x {2}, Dirichlet top {3}")
    @CsvSource({"64, 1, 48, false", "64, 1, 48, true", "12, 12, 20, false", "12, 12, 20, true"})
    void shiftedSolveOnTheDeviceAgreesWithTheCpu(int nx, int ny, int nz, boolean topDirichlet) throws Exception {
        OpenClDevices.Device device = OpenClTestDevice.require();
        Grid g = new Grid(nx, ny, nz, 1.0 / nz);
        int n = g.paddedLength();
        double[] alpha = g.newField(), beta = g.newField(), r = g.newField();
        boolean negative = fill(g, alpha, beta, r);
        assertTrue(negative, "the problem needs negative diagonal terms");

        VariableCoefficientPoisson op = new VariableCoefficientPoisson(g, Parallel.serial(), BoundaryCondition.zeroFlux(),
                topDirichlet ? BoundaryCondition.dirichlet(0) : BoundaryCondition.zeroFlux(), true);
        System.arraycopy(alpha, 0, op.shift(), 0, n);
        op.setCellCoefficients(beta);
        double[] expected = g.newField();
        SolveStats cpu = new PcgSolver(op, new MultigridPreconditioner(op), MAX_ITERATIONS).solve(expected, r, SOLVER_TOLERANCE, 0);

        // the potentials.cl kernels take each level's geometry as arguments: any scenario's program serves
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "bare-li-lpscl.yaml"), Map.of());
        ModelParameters params = ModelParameters.from(s);
        OpenClContext ctx = OpenClContext.of(device, Precision.DOUBLE);
        cl_program program = ctx.program(OpenClBackend.buildOptions(s.grid().toGrid(), params, new MaterialTable(s, params), Precision.DOUBLE));
        List<cl_mem> owned = new ArrayList<>();
        DeviceKernels kernels = new DeviceKernels(ctx, program);
        Reducer reducer = new Reducer(ctx, program, (g.cellCount() + OpenClBackend.WG - 1) / OpenClBackend.WG, owned);
        try {
            DevicePotentialSolver solver = new DevicePotentialSolver(ctx, kernels, reducer, g, false, topDirichlet, true, SOLVER_TOLERANCE,
                    MAX_ITERATIONS, owned);
            cl_mem cellBeta = DeviceLevel.field(ctx, n, owned), rhs = DeviceLevel.field(ctx, n, owned), u = DeviceLevel.field(ctx, n, owned);
            ctx.write(solver.shift(), alpha, n);
            ctx.write(cellBeta, beta, n);
            ctx.write(rhs, r, n);
            int iterations = solver.solveShifted(cellBeta, rhs, u);
            double[] actual = g.newField();
            ctx.read(u, actual, n);
            assertEquals(cpu.iterations(), iterations, "PCG iterations");
            double d = FieldComparison.relativeDifference(g.interior(expected), g.interior(actual));
            assertTrue(d <= TOLERANCE, "device solution differs from the CPU's by " + d + " of its scale");
        } finally {
            kernels.release();
            reducer.release();
            for (cl_mem m : owned) CL.clReleaseMemObject(m);
        }
    }

    /**
     * alpha = eps + W g''(xi) across a flat tanh front at mid-height (W = 2 / delta^2, delta = 2 h,
     * eps = W / 10), beta in [1, 2) and r in [-1, 1) at random; returns whether some alpha is negative.
     */
    private static boolean fill(Grid g, double[] alpha, double[] beta, double[] r) {
        Random random = new Random(42);
        double delta = 2 * g.dx_m, W = 2 / (delta * delta), eps = 0.1 * W;
        boolean negative = false;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    int c = g.index(i, j, k);
                    double z = (k + 0.5) * g.dx_m, xi = 0.5 * (1 - Math.tanh((z - 0.5) / delta));
                    alpha[c] = eps + W * (2 - 12 * xi + 12 * xi * xi);
                    negative |= alpha[c] < 0;
                    beta[c] = 1 + random.nextDouble();
                    r[c] = 2 * random.nextDouble() - 1;
                }
        return negative;
    }
}
