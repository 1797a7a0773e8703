package org.lipf.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lipf.grid.GhostCells;
import org.lipf.grid.Grid;
import org.lipf.model.FieldSet;
import org.lipf.model.Interpolation;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;

/**
 * An interphase keeps the metal of the cells it converts (docs/MODEL.md section 3.5): the metal volume of a cell is
 * f_free (xi + delta), and a product of another free fraction holds the same volume in xi and delta rescaled by
 * f_old / f_new. On 4 x 10 cells, Li (rows 0-1) under a host of f_free 0.3 (rows 2-5) that Li reduces, under LPSCl;
 * the host holds resolved and dispersed metal, a cell filled with resolved metal (xi = 1, f_free xi = 0.3: no
 * seed of the interphase) included, and the interphase reaches all of it (4 cells at 1 s). Until the fix the
 * conversion relabelled the cells alone: into a product of f_free 0.6 the host's metal doubled.
 */
class InterphaseMetalVolumeTest {
    /** k = 0.5e-12 m^2/s: L = 1 um, 4 cells of 0.25 um, at 1 s. */
    private static final String CELL = """
            name: reduced-host
            grid: {dimensions: 2, width: 1 um, height: 2.5 um, spacing: 0.25 um}
            model: {form: mixed_conductor, interface_width: 0.5 um, nucleation: {into: dispersed}}
            materials:
              li: {diffusivity: 7.5e-13 m^2/s, ionic_conductivity: 0 S/m, electronic_conductivity: 1.1e7 S/m, exchange_current_density: 3 A/m^2, free_fraction: 1}
              host: {diffusivity: 1e-13 m^2/s, ionic_conductivity: 1e-3 S/m, electronic_conductivity: 1 S/m, exchange_current_density: 3 A/m^2, free_fraction: 0.3}
              reduced: {diffusivity: 1e-13 m^2/s, ionic_conductivity: 1e-3 S/m, electronic_conductivity: 10 S/m, exchange_current_density: 3 A/m^2, free_fraction: 0.6}
              lpscl: {diffusivity: 1e-12 m^2/s, ionic_conductivity: 0.25 S/m, electronic_conductivity: 1.6e-6 S/m, exchange_current_density: 3 A/m^2, free_fraction: 1}
            geometry:
              background: lpscl
              layers:
                - {material: li, thickness: 0.5 um, xi: 1, c: 0}
                - {material: host, thickness: 1 um, c: 1}
                - {material: lpscl, thickness: rest, c: 1}
            interphases: [{material: host, product: reduced, rate_constant: 0.5e-12 m^2/s}]
            control: {mode: galvanostatic, current_density: 1 mA/cm^2}
            time: {end: 1 s, output_interval: 1 s}
            solver: {reaction_coupling: implicit}
            """;
    private static final byte LI = 0, HOST = 1, PRODUCT = 2, LPSCL = 3;

    @Test
    void aProductWithMoreRoomHoldsTheMetalInLessOfIt() {
        Converted run = convert(CELL);
        assertEquals(16, run.cells(PRODUCT), "the interphase reached the whole host");
        run.assertMetalKept();
        // halved (f_free 0.3 -> 0.6), each within the room its xi leaves
        assertEquals(0.5, run.after.xi[run.full], 1e-15);
        for (int P : run.hostCells)
            assertTrue(run.after.dispersed[P] <= 1 - Interpolation.h(run.after.xi[P]) + 1e-15, "delta within the room, cell " + P);
    }

    /**
     * A product of f_free 0.1 has a third of the host's room: xi is tripled up to 1, and what the cell's resolved
     * metal no longer fits goes to delta, beyond the room where the cell's metal exceeds its free volume (as after a
     * merge, section 3.6: it cannot grow and is oxidised first).
     */
    @Test
    void aDenserProductKeepsTheMetalItHasNoRoomForAsDispersedMetalBeyondTheRoom() {
        Converted run = convert(CELL.replace("free_fraction: 0.6", "free_fraction: 0.1"));
        assertEquals(16, run.cells(PRODUCT));
        run.assertMetalKept();
        assertEquals(1, run.after.xi[run.full], 0, "the resolved metal fills the product's free volume");
        assertEquals(2, run.after.dispersed[run.full], 1e-14, "and two more free volumes lie beyond it");
    }

    /**
     * Without dispersed metal (into: resolved), or into a product without free volume, a cell whose metal the product
     * has no room for waits; into no free volume, so does a cell emptied by the step (its charge counts f_free's).
     */
    @Test
    void whereTheProductHasNoRoomForTheMetalTheCellWaits() {
        Converted resolved = convert(CELL.replace("free_fraction: 0.6", "free_fraction: 0.1").replace("into: dispersed", "into: resolved"));
        resolved.assertMetalKept();
        for (int P : resolved.hostCells) {
            final double xi = resolved.before.xi[P];
            assertEquals(3 * xi > 1 ? HOST : PRODUCT, resolved.after.material[P], "cell " + P + " at xi = " + xi);
            if (3 * xi <= 1) assertEquals(3 * xi, resolved.after.xi[P], 1e-15, "tripled, cell " + P);
        }
        assertEquals(HOST, resolved.after.material[resolved.full], "xi would be 3");
        assertTrue(resolved.cells(PRODUCT) > resolved.cells(HOST));
        Converted frozen = convert(CELL.replace("free_fraction: 0.6", "free_fraction: 0"));
        frozen.assertMetalKept();
        for (int P : frozen.hostCells)
            assertEquals(P == frozen.empty ? PRODUCT : HOST, frozen.after.material[P], "only a cell without metal, which gained none, converts: cell " + P);
    }

    /** The fields before and after the conversion of {@code yaml}'s host at 1 s. */
    private record Converted(Grid g, MaterialTable table, FieldSet before, FieldSet after, int[] hostCells, int full, int empty) {
        int cells(byte material) {
            int n = 0;
            for (int P : hostCells) if (after.material[P] == material) n++;
            return n;
        }

        /**
         * The metal volume sum f_free (xi + delta) over the cells, to 1e-12 of it, and the step's deposition
         * sum f_free (d xi/dt + d delta/dt), which the coefficients and the deposition current read after the conversion.
         */
        void assertMetalKept() {
            double was = sum(before, before.xi, before.dispersed), is = sum(after, after.xi, after.dispersed);
            assertEquals(was, is, 1e-12 * was, "the metal volume, cell volumes");
            was = sum(before, before.rate, before.dispersedRate);
            is = sum(after, after.rate, after.dispersedRate);
            assertEquals(was, is, 1e-12 * Math.abs(was), "the step's deposition, cell volumes per second");
        }

        /** sum f_free (a + b) over the cells. */
        private double sum(FieldSet f, double[] a, double[] b) {
            double sum = 0;
            for (int k = 0; k < g.nz; k++)
                for (int i = 0; i < g.nx; i++) {
                    final int P = g.index(i, 0, k);
                    sum += table.freeFraction[f.material[P]] * (a[P] + b[P]);
                }
            return sum;
        }
    }

    private static Converted convert(String yaml) {
        Scenario s = ScenarioLoader.parse(yaml, "reduced-host.yaml", Map.of());
        MaterialTable table = new MaterialTable(s, ModelParameters.from(s));
        assertEquals("reduced", table.names[PRODUCT]);
        final boolean dispersed = ModelParameters.from(s).dispersedNucleation();
        Grid g = s.grid().toGrid();
        byte[] material = new byte[g.paddedLength()];
        FieldSet f = new FieldSet(g, material, false);
        int[] hostCells = new int[16];
        int n = 0;
        for (int k = 0; k < g.nz; k++)
            for (int i = 0; i < g.nx; i++) {
                final int P = g.index(i, 0, k);
                material[P] = k < 2 ? LI : k < 6 ? HOST : LPSCL;
                f.xi[P] = k < 2 ? 1 : 0;
                if (material[P] != HOST) continue;
                hostCells[n++] = P;
                // resolved metal falling off from the Li, dispersed metal growing into the host (some beyond its room)
                f.xi[P] = 0.8 / (k - 1) - 0.1 * i;
                f.dispersed[P] = dispersed ? 1 - Interpolation.h(Math.max(0, f.xi[P])) - 0.2 * (k - 2) + (i == 3 ? 0.1 : 0) : 0;
                // the step that led to the conversion: plating and stripping
                f.rate[P] = 0.01 * (k - 3) - 0.002 * i;
                f.dispersedRate[P] = dispersed ? 0.003 * (i - 1) : 0;
            }
        GhostCells.fill(g, material);
        final int full = g.index(0, 0, 2);
        f.xi[full] = 1;
        f.dispersed[full] = 0;
        final int empty = g.index(3, 0, 5);
        f.xi[empty] = f.dispersed[empty] = f.rate[empty] = f.dispersedRate[empty] = 0;
        // a cell whose dispersed metal the step oxidised (xi = 0.8 / 4 - 0.2 = 0 here)
        final int stripped = g.index(2, 0, 5);
        assertEquals(0, f.xi[stripped]);
        f.dispersed[stripped] = 0;
        if (dispersed) f.dispersedRate[stripped] = -0.01;
        FieldSet before = copy(g, f);
        boolean changed = new InterphaseGrowth(s, g, table).update(0, 1, f);
        assertTrue(changed);
        return new Converted(g, table, before, f, hostCells, full, empty);
    }

    private static FieldSet copy(Grid g, FieldSet f) {
        FieldSet c = new FieldSet(g, f.material.clone(), false);
        System.arraycopy(f.xi, 0, c.xi, 0, f.xi.length);
        System.arraycopy(f.dispersed, 0, c.dispersed, 0, f.dispersed.length);
        System.arraycopy(f.rate, 0, c.rate, 0, f.rate.length);
        System.arraycopy(f.dispersedRate, 0, c.dispersedRate, 0, f.dispersedRate.length);
        return c;
    }
}
