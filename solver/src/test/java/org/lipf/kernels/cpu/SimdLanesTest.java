package org.lipf.kernels.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lipf.cli.RunDriver;
import org.lipf.grid.GhostCells;
import org.lipf.grid.Parallel;
import org.lipf.model.Exponential;
import org.lipf.model.FieldSet;
import org.lipf.model.Interpolation;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;
import org.lipf.solver.Simulation;

/**
 * The explicit update in SIMD lanes ({@link NernstPlanckLanes}, {@link AllenCahnLanes}) must give the
 * scalar loops' bits: rows whose length is not a multiple of the lane count (a scalar rest), groups
 * of faces with a lane beyond the Bernoulli series (scalar fallback), the clamp, the unclamped update
 * of a semi-implicit step with negative values, and the bound check; the bulk test and the 3D
 * and 2D (four-fold) anisotropic faces of Allen-Cahn.
 */
class SimdLanesTest {
    @Test
    void theTestsRunTheSimdLoopsWhereTheProcessorHasWideVectors() {
        assertTrue(Simd.MODULE, "surefire starts the JVM with --add-modules jdk.incubator.vector (pom.xml)");
        assertEquals(NernstPlanckLanes.lanes() >= Simd.MIN_LANES, Simd.ENABLED, NernstPlanckLanes.lanes() + " lanes");
    }

    @Test
    void simdUpdateGivesTheScalarBitsIn2D() {
        // 39 x 12 cells: 4 groups of 8 lanes (or 9 of 4) and a rest in every row
        assertSameBits("{dimensions: 2, width: 9.75 um, height: 3 um, spacing: 0.25 um}", "{x: 4 um, radius: 0.5 um}");
    }

    @Test
    void simdUpdateGivesTheScalarBitsIn3D() {
        assertSameBits("{dimensions: 3, width: 5.25 um, depth: 1.75 um, height: 3 um, spacing: 0.25 um}", "{x: 2 um, y: 0.75 um, radius: 0.5 um}");
    }

    /**
     * An electrolyte that leaks electrons (it nucleates) with no nucleation barrier, before any step (its xi still
     * exactly 0): its bulk rows are active, so the lanes' shortcut for rows of bulk cells must not skip them.
     */
    @Test
    void simdUpdateGivesTheScalarBitsWhereBulkRowsNucleate() {
        // 48 rows: the tanh tails of the Li layer and the nucleus end within 20 rows of them, bulk rows above
        assertSameBits("{dimensions: 2, width: 9.75 um, height: 12 um, spacing: 0.25 um}", "{x: 4 um, radius: 0.5 um}",
                Map.of("materials.lpscl.electronic_conductivity", "1 S/m", "model.nucleation", "{barrier: 0 V}"), 0);
    }

    /**
     * The capillary rates in lanes and the rows settled in lanes (docs/MODEL.md section 5.5) against the scalar loop,
     * Allen-Cahn alone, on the cases the update's rows split by: isotropic (the differences to the neighbours) and
     * anisotropic (the faces), 2D and 3D, with nothing nucleating (settled) and with the electrolyte nucleating (the
     * scenario as it is); a frozen layer (rows next to it keep the scalar weights); the dispersed form, nucleating and
     * not (capillary in lanes, never settled: the dispersed metal is copied); the interface reaching the top plane
     * (weight 0 above it); NaN in xi away from the interface, where only the lanes' bound check of cells that do
     * not react can report it, with NaN in phi_l of a quiet cell and in c of a reacting one; films and lost contact on
     * some columns (their rows not in lanes); the metal and the electrolyte with other exchange currents and free
     * fractions, and a row at the interface holding both; one case repeated so that the compiled lanes are checked.
     */
    @Test
    void capillaryAndSettledRowsGiveTheScalarBits() {
        // 48 planes: the tails of xi end (exactly 0) some planes below the top
        String grid2D = "{dimensions: 2, width: 9.75 um, height: 12 um, spacing: 0.25 um}", nucleus2D = "{x: 4 um, radius: 0.5 um}";
        String grid3D = "{dimensions: 3, width: 5.25 um, depth: 1.75 um, height: 12 um, spacing: 0.25 um}";
        String nucleus3D = "{x: 2 um, y: 0.75 um, radius: 0.5 um}";
        // an electrolyte without electrons (nothing nucleates: rows are settled in lanes) unless a case gives it some
        Map<String, String> anisotropic = Map.of("materials.lpscl.electronic_conductivity", "0 S/m");
        Map<String, String> isotropic = Map.of("materials.lpscl.electronic_conductivity", "0 S/m", "model.anisotropy.strength", "0");
        // one potential: the overpotential from phi_l alone
        Map<String, String> singlePotential = Map.of("model.form", "single_potential", "control", "{mode: potentiostatic, voltage: -0.1 V}");
        Map<String, String> frozen = Map.of("materials.lpscl.electronic_conductivity", "0 S/m", "materials.llzo", "{diffusivity: 1e-13 m^2/s, ionic_conductivity: 0.01 S/m, electronic_conductivity: 0 S/m, "
                + "exchange_current_density: 2.91 A/m^2, free_fraction: 0}", "geometry.layers",
                "[{material: li, thickness: 1 um, xi: 1, c: 0}, {material: lpscl, thickness: 0.75 um, c: 1}, {material: llzo, thickness: 0.25 um, c: 1},"
                        + " {material: lpscl, thickness: rest, c: 1}]");
        Map<String, String> dispersed = Map.of("materials.lpscl.electronic_conductivity", "1 S/m", "model.nucleation", "{barrier: 0 V, into: dispersed}",
                "solver", "{reaction_coupling: implicit}");
        // the dispersed form where nothing nucleates: every cell's dispersed metal is still copied
        Map<String, String> dispersedOnly = Map.of("materials.lpscl.electronic_conductivity", "0 S/m", "model.nucleation", "{into: dispersed}",
                "solver", "{reaction_coupling: implicit}");
        // no noise: its term in the lanes adds nothing, not even to a rate of -0
        Map<String, String> quiet = Map.of("materials.lpscl.electronic_conductivity", "0 S/m", "model.noise.amplitude", "0");
        Map<String, String> unequal = Map.of("materials.lpscl.electronic_conductivity", "0 S/m", "materials.li.exchange_current_density", "9 A/m^2",
                "materials.lpscl.free_fraction", "0.8");
        int poisonedRows = 0;
        for (String[] g : new String[][] {{grid2D, nucleus2D}, {grid3D, nucleus3D}}) {
            for (Map<String, String> overrides : List.of(anisotropic, isotropic, singlePotential, frozen, dispersed, dispersedOnly, quiet, unequal,
                    Map.<String, String>of()))
                for (boolean nan : new boolean[] {false, true}) poisonedRows += assertSameAllenCahnBits(g[0], g[1], overrides, nan, f -> {}, 1) ? 1 : 0;
            // 9 planes: the nucleus's tails reach the top plane
            assertSameAllenCahnBits(g[0].replace("height: 12 um", "height: 2.25 um"), g[1], isotropic, false, f -> {}, 1);
            assertSameAllenCahnBits(g[0], g[1], anisotropic, false, SimdLanesTest::filmsOnSomeColumns, 1);
            assertSameAllenCahnBits(g[0], g[1], unequal, false, SimdLanesTest::mixedInterfaceRow, 1);
        }
        // the compiled code, not only the Vector API's first runs
        assertSameAllenCahnBits(grid2D, nucleus2D, unequal, false, f -> {}, 300);
        assertTrue(poisonedRows > 0, "some case has a row with reacting and quiet cells");
    }

    /** Sets phi_l to NaN in the first cell with h'(xi) <= 1e-12 of a row that has cells above it; whether there was one. */
    private static boolean poisonQuietCellOfReactingRow(FieldSet f) {
        for (int k = 0; k < f.grid.nz; k++)
            for (int j = 0; j < f.grid.ny; j++) {
                int start = f.grid.rowStart(j, k), quiet = -1;
                boolean reacting = false;
                for (int P = start; P < start + f.grid.nx; P++) {
                    if (Interpolation.dh(f.xi[P]) > AllenCahnUpdate.INTERFACE_DH) reacting = true;
                    else if (quiet < 0) quiet = P;
                }
                if (reacting && quiet >= 0) {
                    f.phiL[quiet] = Double.NaN;
                    return true;
                }
            }
        return false;
    }

    /**
     * The lanes' reaction of a row ({@link AllenCahnLanes#react}) against the scalar loop's formulas: without noise it adds
     * nothing to a reacting cell's rate, not even +0 to a rate of -0 (the scalar loop adds no noise term); with noise
     * each reacting cell gets its own term and next xi, the quiet ones neither; the bound flag reports a reacting cell
     * pushed out of [XI_MIN, XI_MAX] or made NaN, and not a quiet cell's NaN reaction, which is discarded.
     */
    @Test
    void reactionInLanesFollowsTheScalarLoop() {
        org.lipf.grid.Grid g = new org.lipf.grid.Grid(16, 1, 1, 2.5e-7);
        FieldSet f = new FieldSet(g, new byte[g.paddedLength()], false);
        AllenCahnUpdate.RowBuffers faces = new AllenCahnUpdate.RowBuffers(g.nx, 0);
        int start = g.rowStart(0, 0);
        double dt = 1e-6;
        // amplitude, step, the NaN reaction's cell (-1: none), and whether the flag is expected
        double[][] cases = {{0, 1e-6, -1, 0}, {1e3, 1e-6, -1, 0}, {1e3, 0.1, -1, 1}, {0, 1e-6, 4, 1}, {0, 1e-6, 5, 0}};
        for (double[] c : cases) {
            double amplitude = c[0], step = c[1];
            for (int i = 0; i < g.nx; i++) {
                f.xi[start + i] = 0.5;
                f.xiNext[start + i] = 0.25;
                f.rate[start + i] = -0.0;
                faces.echem[i] = i == c[2] ? Double.NaN : -0.0;
                // every other cell reacts
                faces.dh[i] = i % 2 == 0 ? Interpolation.dh(0.5) : 0;
            }
            boolean bad = AllenCahnLanes.react(f, start, g.nx, faces, step, amplitude, 5, 7);
            String which = "amplitude " + amplitude + ", step " + step + ", NaN at " + c[2];
            assertEquals(c[3] != 0, bad, "bound flag, " + which);
            // (a NaN's payload aside)
            for (int i = 0; i < g.nx; i++) {
                boolean reacting = i % 2 == 0;
                double r = !reacting ? -0.0
                        : amplitude == 0 ? -0.0 + faces.echem[i]
                        : (-0.0 + faces.echem[i]) + amplitude * org.lipf.model.LangevinNoise.uniform(5, 7, start + i) * faces.dh[i] / Interpolation.DH_MAX;
                double xn = reacting ? AllenCahnUpdate.resolved(0.5 + step * r) : 0.25;
                assertEquals(Double.doubleToLongBits(r), Double.doubleToLongBits(f.rate[start + i]), "rate, cell " + i + ", " + which);
                assertEquals(Double.doubleToLongBits(xn), Double.doubleToLongBits(f.xiNext[start + i]), "xiNext, cell " + i + ", " + which);
            }
        }
    }

    /** The exponential in lanes gives the scalar one's bits, over the whole range and at its special values. */
    @Test
    void exponentialInLanesGivesTheScalarBits() {
        SplittableRandom random = new SplittableRandom(5);
        double[] special = {0, -0.0, 1, -1, 709.78, 709.79, 710, 800, -708.4, -745.1, -745.2, -746, -1000, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 0.5 * Math.log(2), -0.5 * Math.log(2)};
        int n = 4096;
        double[] x = new double[n];
        for (int i = 0; i < n; i++)
            x[i] = i < special.length ? special[i] : i % 2 == 0 ? 80 * (random.nextDouble() - 0.5) : 1500 * (random.nextDouble() - 0.5);
        double[] lanes = x.clone();
        ExponentialLanes.exp(lanes, n);
        for (int i = 0; i < n; i++)
            assertEquals(Double.doubleToLongBits(Exponential.exp(x[i])), Double.doubleToLongBits(lanes[i]), "e^" + x[i]);
    }

    /**
     * The 2D anisotropic faces in lanes give the scalar bits for the four-fold mode, on x and z faces, at two angles, on
     * a field of smooth values, exact zeros and ones (gradients below the isotropic cut-off, and none at all), negative
     * zeros and a NaN; other modes are left to the scalar code.
     */
    @Test
    void twoDimensionalFacesInLanesGiveTheScalarBits() {
        final int nx = 35, rows = 5, sz = nx + 2, n = nx + 1;
        final double invDx = 4e6;
        SplittableRandom random = new SplittableRandom(9);
        double[] xi = new double[sz * rows];
        for (int q = 0; q < xi.length; q++) {
            final int kind = random.nextInt(8);
            xi[q] = kind == 0 ? 0 : kind == 1 ? 1 : kind == 2 ? -0.0 : kind == 3 ? 1 - 1e-12 * random.nextDouble() : random.nextDouble();
        }
        xi[2 * sz + 17] = Double.NaN;
        int compared = 0;
        for (double angle : new double[] {0, 0.3})
            for (boolean xFace : new boolean[] {true, false}) {
                final double rotCos = Math.cos(4 * angle), rotSin = Math.sin(4 * angle);
                // lower cells: row 2 from its west ghost (x faces) or from its first cell (faces to row 3)
                final int lo = xFace ? 2 * sz : 2 * sz + 1, sn = xFace ? 1 : sz, st = xFace ? sz : 1;
                double[] lanes = new double[n];
                final int done = AllenCahnLanes.faces2D(xi, lo, sn, st, n, invDx, xFace, 0.05, 4, rotCos, rotSin, lanes, 0);
                assertEquals(n - n % NernstPlanckLanes.lanes(), done, "whole groups of lanes");
                for (int i = 0; i < done; i++, compared++)
                    assertEquals(Double.doubleToLongBits(AllenCahnUpdate.faceFlux2D(xi, lo + i, sn, st, invDx, xFace, 0.05, 4, rotCos, rotSin)),
                            Double.doubleToLongBits(lanes[i]), "face " + i + ", x face " + xFace + ", angle " + angle);
                assertEquals(0, AllenCahnLanes.faces2D(xi, lo, sn, st, n, invDx, xFace, 0.05, 6, rotCos, rotSin, lanes, 0), "mode 6: scalar");
            }
        assertTrue(compared > 100, compared + " faces compared");
    }

    /** The 2D faces in lanes at the isotropic cut-off: a face whose squared gradient is the cut-off is anisotropic, one just below not. */
    @Test
    void twoDimensionalFacesInLanesKeepTheIsotropicCutOff() {
        // a grid spacing at which some difference of xi squares to the cut-off exactly
        double invDx = 0, xi = 0;
        for (int k = 1; k < 100000 && invDx == 0; k++) {
            final double candidate = 1e6 + k, cutoff = 1e-16 * candidate * candidate, g = Math.sqrt(cutoff), x = g / candidate;
            if (g * g == cutoff && x * candidate == g) {
                invDx = candidate;
                xi = x;
            }
        }
        assertTrue(invDx > 0, "a spacing with a gradient at the cut-off");
        final int m = 2 * NernstPlanckLanes.lanes(), w = m + 2;
        double[] edge = new double[3 * w];
        edge[w + 4] = xi; // x face 3 of the middle row: its gradient xi[4] - xi[3], no tangential one
        edge[w + m - 2] = Math.nextDown(xi); // x face m - 3: below the cut-off
        double[] lanes = new double[m];
        assertEquals(m, AllenCahnLanes.faces2D(edge, w, 1, w, m, invDx, true, 0.05, 4, 1, 0, lanes, 0));
        for (int i = 0; i < m; i++)
            assertEquals(Double.doubleToLongBits(AllenCahnUpdate.faceFlux2D(edge, w + i, 1, w, invDx, true, 0.05, 4, 1, 0)),
                    Double.doubleToLongBits(lanes[i]), "face " + i + " at the cut-off");
        assertEquals(1.05 * (xi * invDx), lanes[3], "the face at the cut-off is anisotropic");
        assertEquals(Math.nextDown(xi) * invDx, lanes[m - 3], "the face below it is isotropic");
    }

    /** A film's resistance, exchange current or lost contact on a few columns each (their rows go to the scalar loop). */
    private static void filmsOnSomeColumns(FieldSet f) {
        for (int j = 0; j < f.grid.ny; j++) {
            f.contactFraction[f.grid.index(2, j, 0) % f.grid.strideZ] = 0.5;
            f.filmExchangeCurrent_A_per_m2[f.grid.index(9, j, 0) % f.grid.strideZ] = 1.5;
            f.filmResistance_ohm_m2[f.grid.index(14, j, 0) % f.grid.strideZ] = 1e-4;
        }
    }

    /** One cell of the first reacting row of one material takes the material of the bottom row. */
    private static void mixedInterfaceRow(FieldSet f) {
        final byte metal = f.material[f.grid.rowStart(0, 0)];
        for (int k = 0; k < f.grid.nz; k++) {
            int start = f.grid.rowStart(0, k);
            if (f.material[start] != metal && Interpolation.dh(f.xi[start + 2]) > AllenCahnUpdate.INTERFACE_DH) {
                f.material[start + 2] = metal;
                return;
            }
        }
        throw new AssertionError("no reacting row of the electrolyte");
    }

    /**
     * Allen-Cahn with and without lanes on the state after one step, altered, compared (the lanes computed
     * {@code repeats} times); returns whether phi_l was made NaN in a quiet cell of a reacting row.
     */
    private static boolean assertSameAllenCahnBits(String grid, String nucleus, Map<String, String> overrides, boolean nan,
            java.util.function.Consumer<FieldSet> alter, int repeats) {
        boolean poisoned = false;
        Scenario scenario = ScenarioLoader.parse(ExplicitUpdateSlabTest.CELL.formatted(grid, nucleus), "lanes.yaml", overrides);
        try (Parallel serial = Parallel.serial(); Simulation sim = RunDriver.fresh(scenario, serial)) {
            sim.advance(Double.POSITIVE_INFINITY);
            FieldSet f = sim.fields();
            ModelParameters p = ModelParameters.from(scenario);
            MaterialTable table = new MaterialTable(scenario, p);
            // a NaN in the electrolyte's bulk (xi 0 there and around), two cells below the top
            final int bulkCell = f.grid.index(3, 0, f.grid.nz - 3);
            if (nan) {
                assertTrue(f.xi[bulkCell] == 0 && f.xi[bulkCell - f.grid.strideZ] == 0, "the NaN goes to the bulk");
                f.xi[bulkCell] = Double.NaN;
                // and phi_l NaN in a cell that does not react in a row where others do: not the reaction's concern
                poisoned = poisonQuietCellOfReactingRow(f);
                // and c NaN in an interface cell: its stiffness NaN
                for (int P = f.grid.rowStart(0, 0); P < f.c.length; P++)
                    if (Interpolation.dh(f.xi[P]) > 0.1) {
                        f.c[P] = Double.NaN;
                        break;
                    }
            }
            alter.accept(f);
            double[][] scalar = allenCahn(f, p, table, false), lanes = null;
            String which = overrides + ", " + grid + ", NaN " + nan;
            String[] names = {"rate", "xiNext", "reductions", "dispersedNext", "dispersedRate", "conserving rate", "conserving xiNext"};
            for (int r = 0; r < repeats; r++) {
                lanes = allenCahn(f, p, table, true);
                for (int a = 0; a < names.length; a++) assertArrayEquals(scalar[a], lanes[a], "Allen-Cahn " + names[a] + ", " + which + ", repeat " + r);
            }
            // (a NaN cell that nucleates makes the stiffness NaN)
            assertTrue(nan || scalar[2][0] > 0, "the interface reacts, " + which);
            assertTrue(nan || scalar[2][3] != 0, "the capillary part changes the metal volume, " + which);
            assertEquals(nan ? 1.0 : 0.0, lanes[2][1], "out of bounds, " + which);
        }
        return poisoned;
    }

    @Test
    void bulkTestInLanesAgreesWithTheScalarOne() {
        // rows of 37 cells in a 3D block (and the same array read with 2D strides): exact 0 and 1, values near
        // them, -0.0, 1.5, NaN and infinities, so that every neighbour decides some cell
        // 38 cells: a scalar rest of two or more cells after the lanes (4 or 8)
        int nx = 38, sy = nx + 2, sz = sy * 5;
        double[] xi = new double[sz * 6];
        double[] values = {0, 1, -0.0, 1e-300, Double.MIN_VALUE, Math.nextUp(1.0), 1 - 1e-16, 0.5, 1.5, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        SplittableRandom random = new SplittableRandom(7);
        for (int P = 0; P < xi.length; P++) xi[P] = values[random.nextInt(10) < 8 ? random.nextInt(2) : random.nextInt(values.length)];
        double[] lanes = new double[nx];
        int bulkCells = 0;
        for (int strideY : new int[] {0, sy})
            for (int k = 1; k < 5; k++)
                for (int j = 1; j < 4; j++) {
                    int start = k * sz + j * sy + 1;
                    boolean all = AllenCahnLanes.bulk(xi, start, nx, sz, strideY, lanes), allScalar = true;
                    for (int i = 0; i < nx; i++) {
                        boolean scalar = AllenCahnUpdate.bulk(xi, xi[start + i], start + i, sz, strideY);
                        assertEquals(scalar ? 1.0 : 0.0, lanes[i], "cell " + i + " of row " + j + ", plane " + k + ", y stride " + strideY);
                        if (scalar) bulkCells++;
                        allScalar &= scalar;
                    }
                    assertEquals(allScalar, all, "whole row bulk: row " + j + ", plane " + k + ", y stride " + strideY);
                }
        assertTrue(bulkCells > 10, "some cells are bulk: " + bulkCells);
    }

    private static void assertSameBits(String grid, String nucleus) {
        assertSameBits(grid, nucleus, Map.of(), 3);
    }

    private static void assertSameBits(String grid, String nucleus, Map<String, String> overrides, int steps) {
        Scenario scenario = ScenarioLoader.parse(ExplicitUpdateSlabTest.CELL.formatted(grid, nucleus), "lanes.yaml", overrides);
        try (Parallel serial = Parallel.serial(); Simulation sim = RunDriver.fresh(scenario, serial)) {
            for (int i = 0; i < steps; i++) sim.advance(Double.POSITIVE_INFINITY);
            FieldSet f = sim.fields();
            ModelParameters p = ModelParameters.from(scenario);
            MaterialTable table = new MaterialTable(scenario, p);
            if (!overrides.isEmpty()) assertTrue(java.util.Arrays.stream(table.nucleationActivity).anyMatch(a -> a > 0), "the electrolyte nucleates");
            SplittableRandom random = new SplittableRandom(3);
            int beyondSeries = 0;
            for (int P = 0; P < f.phiL.length; P++) {
                // some faces with |f dphi| beyond 0.1, where the lanes hand the group to the scalar loop
                if (random.nextInt(40) == 0) {
                    f.phiL[P] += 0.01 * (random.nextDouble() - 0.5);
                    beyondSeries++;
                }
                f.c[P] *= 1 + 0.2 * random.nextDouble();
            }
            GhostCells.fill(f.grid, f.phiL);
            GhostCells.fill(f.grid, f.c);
            assertTrue(beyondSeries > 5, "the fallback is exercised");
            double[][] scalarAc = allenCahn(f, p, table, false), lanesAc = allenCahn(f, p, table, true);
            String[] names = {"rate", "xiNext", "reductions"};
            for (int a = 0; a < names.length; a++) assertArrayEquals(scalarAc[a], lanesAc[a], "Allen-Cahn " + names[a]);
            assertTrue(scalarAc[2][0] > 0, "the interface reacts");
            // a step long enough for the sink to drive some cells negative (clamped, or kept without the clamp),
            // then a NaN in one cell, which both must report
            for (int nan = 0; nan < 2; nan++) {
                if (nan == 1) f.c[f.grid.index(5, 0, 1)] = Double.NaN;
                for (boolean clamp : new boolean[] {true, false})
                    for (double dt : new double[] {1e-6, 1e-2}) {
                        double[][] scalar = update(f, p, table, false, dt, clamp), lanes = update(f, p, table, true, dt, clamp);
                        String which = "clamp " + clamp + ", dt " + dt + ", NaN " + nan;
                        assertArrayEquals(scalar[0], lanes[0], "cNext, " + which);
                        assertEquals(scalar[1][0], lanes[1][0], "largest rate, " + which);
                        assertEquals(nan, scalar[1][1], "scalar bounds, " + which);
                        assertEquals(nan, lanes[1][1], "lanes bounds, " + which);
                    }
            }
        }
    }

    private static double[][] allenCahn(FieldSet f, ModelParameters p, MaterialTable table, boolean simd) {
        try (Parallel serial = Parallel.serial()) {
            AllenCahnUpdate update = new AllenCahnUpdate(f.grid, p, table, serial, simd);
            // what the update leaves unwritten shows
            java.util.Arrays.fill(f.dispersedNext, Double.NaN);
            java.util.Arrays.fill(f.dispersedRate, Double.NaN);
            update.compute(f, 1e-6, 7);
            double bad = update.lastOutOfBounds() ? 1 : 0;
            double[][] results = {f.rate.clone(), f.xiNext.clone(), {update.lastReactionStiffness_per_s(), bad, update.lastDispersedChange(), 0, 0},
                    f.dispersedNext.clone(), f.dispersedRate.clone(), null, null};
            // the volume sums, through the multiplier that makes the capillary part conserve the metal, and the rates and
            // next xi it gives (over the rows the update found active)
            results[2][4] = update.conserveMetalVolume(f, 1e-6) ? 1 : 0;
            results[2][3] = update.lastVolumeMultiplier_per_s();
            results[5] = f.rate.clone();
            results[6] = f.xiNext.clone();
            return results;
        }
    }

    /**
     * Faces whose two diffusivities are equal in every lane, in some lanes (where the lanes take the value itself,
     * as the scalar mean does) or in none, both zero, and read from two arrays at other offsets than c and phi
     * (the planes of D_eff): the lanes give the scalar loop's bits.
     */
    @Test
    void facesInLanesAgreeWhereTheDiffusivitiesAreEqualInSomeLanes() {
        int n = 53, lo = 3, stride = 7, length = lo + stride + n;
        SplittableRandom random = new SplittableRandom(5);
        double[] c = new double[length], phi = new double[length], dLower = new double[n + 4], dUpper = new double[n + 9];
        for (int P = 0; P < length; P++) {
            c[P] = random.nextDouble();
            phi[P] = 1e-3 * random.nextDouble();
        }
        // diffusivities whose 2ab / (a + b) misses them by a rounding when b = a
        double[] values = {2.95e-12, 2.97e-12};
        for (int i = 0; i < n; i++) {
            // runs of 16 faces: all equal, every other equal, equal zeros, none equal
            int run = i / 16 % 4;
            double a = values[random.nextInt(2)];
            dLower[2 + i] = run == 2 ? 0 : a;
            dUpper[7 + i] = run == 0 || run == 1 && i % 2 == 0 ? dLower[2 + i] : run == 2 ? 0 : a * (1 + random.nextDouble());
        }
        double fF = 38.9;
        double[][] scalar = new double[3][n], lanes = new double[3][n];
        ScharfetterGummel.faces(dLower, 2, dUpper, 7, c, phi, fF, lo, stride, n, scalar[0], scalar[1], 0, scalar[2], 0);
        NernstPlanckLanes.faces(dLower, 2, dUpper, 7, c, phi, fF, lo, stride, n, lanes[0], lanes[1], 0, lanes[2], 0, new double[n]);
        for (int a = 0; a < 3; a++) assertArrayEquals(scalar[a], lanes[a], "output " + a);
        double[][] scalarBoth = new double[4][n], lanesBoth = new double[4][n];
        ScharfetterGummel.facesBothWays(dUpper, 2, 7, c, phi, fF, lo, stride, n, scalarBoth[0], scalarBoth[1], scalarBoth[2], scalarBoth[3], 0);
        NernstPlanckLanes.facesBothWays(dUpper, 2, 7, c, phi, fF, lo, stride, n, lanesBoth[0], lanesBoth[1], lanesBoth[2], lanesBoth[3], new double[n]);
        for (int a = 0; a < 4; a++) assertArrayEquals(scalarBoth[a], lanesBoth[a], "both ways, output " + a);
        assertTrue(scalar[1][0] != 0, "the faces carry flux");
    }

    /** A row that is bulk everywhere, and the same row with one cell off in the lanes or in the scalar rest. */
    @Test
    void wholeRowBulkTestSeesEveryCell() {
        // 38 cells: a scalar rest of two or more cells after the lanes (4 or 8)
        int nx = 38, sz = nx + 2;
        double[] lanes = new double[nx];
        for (int off = -1; off < nx; off++) {
            double[] xi = new double[sz * 3];
            java.util.Arrays.fill(xi, 1.0);
            if (off >= 0) xi[sz + 1 + off] = Math.nextDown(1.0);
            assertEquals(off < 0, AllenCahnLanes.bulk(xi, sz + 1, nx, sz, 0, lanes), "cell off: " + off);
        }
    }

    /**
     * D_eff in lanes ({@link NernstPlanckLanes#diffusivities}) against the scalar {@link NernstPlanckUpdate#diffusivity_m2_per_s}
     * formula: xi across and beyond [0, 1], with dispersed metal in some cells (up to a metal fraction over 1, where
     * it is capped; NaN, negative and -0.0 too), with the whole ion path in the dispersed metal, a part of it, and none.
     */
    @Test
    void diffusivitiesInLanesGiveTheScalarBits() {
        int n = 45;
        SplittableRandom random = new SplittableRandom(9);
        double[] xi = new double[n + 3], dispersed = new double[n + 3], lanes = new double[n + 5];
        double[] xis = {0, 1, -0.0, 1e-17, 0.5, 1 - 1e-16, -0.05, 1.05};
        for (int i = 0; i < xi.length; i++) {
            xi[i] = random.nextBoolean() ? xis[random.nextInt(xis.length)] : random.nextDouble();
            double[] special = {Double.NaN, -0.1, -0.0};
            dispersed[i] = random.nextInt(3) == 0 ? random.nextDouble() : random.nextInt(6) == 0 ? special[random.nextInt(3)] : 0;
        }
        double free = 0.8, D = 3.7e-12, metalD = 7.5e-13;
        for (double path : new double[] {1, 0.3, 0}) {
            int done = NernstPlanckLanes.diffusivities(xi, dispersed, 3, n - 3, free, D, metalD, path, lanes, 5);
            assertTrue(done >= Simd.MIN_LANES, "lanes ran: " + done);
            for (int i = 0; i < done; i++) {
                double metal = PotentialCoefficients.metalFraction(free, xi[3 + i], dispersed[3 + i]);
                double scalar = D * (1 - metal) + metalD * PotentialCoefficients.ionPathFraction(free, xi[3 + i], metal, path);
                assertEquals(scalar, lanes[5 + i], 0.0, "cell " + i + ", dispersed ion path " + path);
            }
        }
    }

    /** {@link AllenCahnUpdate#bulk} and its lanes at one row per value pair (x, neighbour): every pair of special values. */
    @Test
    void bulkTestAgreesForEveryPairOfSpecialValues() {
        double[] values = {0, -0.0, 1, Math.nextUp(1.0), Math.nextDown(1.0), Double.MIN_VALUE, 1.5, -1, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE};
        int nx = 16, sz = nx + 2;
        double[] xi = new double[sz * 3], lanes = new double[nx];
        for (double x : values)
            for (double neighbour : values)
                for (int which = 0; which < 4; which++) {
                    java.util.Arrays.fill(xi, x);
                    // one neighbour of each cell differs: east, west, above or below
                    int[] offsets = {1, -1, sz, -sz};
                    for (int i = 0; i < nx; i++) if (i % 2 == 0) xi[sz + 1 + i + offsets[which]] = neighbour;
                    AllenCahnLanes.bulk(xi, sz + 1, nx, sz, 0, lanes);
                    for (int i = 0; i < nx; i++)
                        assertEquals(AllenCahnUpdate.bulk(xi, xi[sz + 1 + i], sz + 1 + i, sz, 0) ? 1.0 : 0.0, lanes[i],
                                "x " + x + ", neighbour " + neighbour + ", cell " + i);
                }
    }

    private static double[][] update(FieldSet f, ModelParameters p, MaterialTable table, boolean simd, double dt_s, boolean clamp) {
        try (Parallel serial = Parallel.serial()) {
            NernstPlanckUpdate update = new NernstPlanckUpdate(f.grid, p, table, serial, simd);
            java.util.Arrays.fill(f.cNext, Double.NaN);
            update.compute(f, dt_s, clamp);
            return new double[][] {f.cNext.clone(), {update.lastMaxRate_per_s(), update.lastOutOfBounds() ? 1 : 0}};
        }
    }
}
