package org.lipf.kernels.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.FieldSet;
import org.lipf.model.MaterialTable;
import org.lipf.model.ModelParameters;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;

/**
 * {@link HostFaces} (docs/MODEL.md section 3.6.1): which faces react, and how the Li their cells lay or oxidise is
 * gathered into the ion conductor's cells. On a 4 x 6 grid, Li (rows 0-1) under a host (rows 2-3) under an electrolyte
 * (rows 4-5) with one electrolyte cell set into the host at (1, 3): the top host row faces the electrolyte once per
 * cell, the host cells around the inset cell once more, the Li, the host's lower row and a frozen LLZTO not at all; an electrolyte
 * cell facing two host cells gives each half of its Li; deposits are shared among a cell's faces; and Li is conserved.
 * After a relabel, an update finds the faces a fresh start on the new map finds.
 */
class HostFacesTest {
    private static final String CELL = """
            name: faces
            grid: {dimensions: 2, width: 1 um, height: 1.5 um, spacing: 0.25 um}
            model: {form: mixed_conductor, interface_width: 0.5 um, nucleation: {into: dispersed, face_reaction: true}}
            materials:
              li: {diffusivity: 7.5e-13 m^2/s, ionic_conductivity: 0 S/m, electronic_conductivity: 1.1e7 S/m, exchange_current_density: 3 A/m^2, free_fraction: 1}
              host: {diffusivity: 1e-13 m^2/s, ionic_conductivity: 1e-3 S/m, electronic_conductivity: 1 S/m, exchange_current_density: 3 A/m^2, free_fraction: 0.3}
              lpscl: {diffusivity: 1e-12 m^2/s, ionic_conductivity: 0.25 S/m, electronic_conductivity: 1.6e-6 S/m, exchange_current_density: 3 A/m^2, free_fraction: 1}
              llzto: {diffusivity: 1e-12 m^2/s, ionic_conductivity: 0.1 S/m, electronic_conductivity: 0 S/m, exchange_current_density: 3 A/m^2, free_fraction: 0}
            geometry:
              background: lpscl
              layers:
                - {material: li, thickness: 0.5 um, xi: 1, c: 0}
                - {material: host, thickness: 0.5 um, c: 1}
                - {material: lpscl, thickness: rest, c: 1}
            control: {mode: galvanostatic, current_density: 1 mA/cm^2}
            time: {end: 1 s, output_interval: 1 s}
            solver: {reaction_coupling: implicit}
            """;

    private static final Scenario SCENARIO = ScenarioLoader.parse(CELL, "faces.yaml", Map.of());
    private static final MaterialTable TABLE = new MaterialTable(SCENARIO, ModelParameters.from(SCENARIO));

    @Test
    void theHostsFacesAgainstTheElectrolyteReactAndGatherTheirLi() {
        MaterialTable table = TABLE;
        Grid g = SCENARIO.grid().toGrid();
        byte li = 0, host = 1, lpscl = 2;
        assertEquals("host", table.names[host]);
        assertEquals("llzto", table.names[3]);
        byte[] material = new byte[g.paddedLength()];
        for (int k = 0; k < g.nz; k++)
            for (int i = 0; i < g.nx; i++) material[g.index(i, 0, k)] = k < 2 ? li : k < 4 ? host : lpscl;
        final int inset = g.index(1, 0, 3);
        material[inset] = lpscl;
        try (Parallel parallel = Parallel.serial()) {
            HostFaces faces = new HostFaces(g, table, material, parallel);
            assertTrue(faces.any());
            for (int i = 0; i < g.nx; i++) {
                assertEquals(0, faces.open(g.index(i, 0, 1)), "Li conducts no ions: no face, column " + i);
                assertEquals(i == 1 ? 1 : 0, faces.open(g.index(i, 0, 2)), "the host's lower row faces the inset cell only, column " + i);
                if (i != 1) assertEquals(i == 0 || i == 2 ? 2 : 1, faces.open(g.index(i, 0, 3)), "the host's top row, column " + i);
                assertEquals(0, faces.open(g.index(i, 0, 4)), "the electrolyte is no host, column " + i);
            }
            FieldSet f = new FieldSet(g, material, false);
            // the electrolyte cell above (2, 3) holds 0.4 cell volumes; it faces one host cell, the inset cell three
            final int above = g.index(2, 0, 4);
            f.faceLi[above] = 0.4;
            f.faceLi[inset] = 0.3;
            assertEquals(0.4 + 0.3 / 3, faces.available(f.faceLi, g.index(2, 0, 3)), 1e-15, "(2, 3) draws on the cell above and a third of the inset's");
            assertEquals(0.3 / 3, faces.available(f.faceLi, g.index(1, 0, 2)), 1e-15, "the inset cell's lower neighbour");
            double before = total(g, f.faceLi);
            // (0, 3) lays 0.2 cell volumes at its two faces; (2, 3) oxidises half of its share
            faces.record(g.index(0, 0, 3), 0.2, 0);
            faces.record(g.index(2, 0, 3), 0, 0.5);
            faces.collect(f);
            assertEquals(0.1, f.faceLi[g.index(0, 0, 4)], 1e-15, "half of (0, 3)'s deposit above it");
            assertEquals(0.4 - 0.5 * 0.4, f.faceLi[above], 1e-15, "(2, 3) took half of the Li above it");
            assertEquals(0.3 - 0.5 * 0.1 + 0.1, f.faceLi[inset], 1e-15, "the inset cell: half of (2, 3)'s share taken, half of (0, 3)'s deposit laid");
            assertEquals(before + 0.2 - 0.5 * (0.4 + 0.1), total(g, f.faceLi), 1e-15, "Li conserved");
            // the update reads a cell's share in its free volume (f_free 0.3), and none once the cell is resolved metal
            AllenCahnUpdate update = new AllenCahnUpdate(g, ModelParameters.from(SCENARIO), table, parallel);
            update.reactAtHostFaces(faces);
            final int P = g.index(2, 0, 3);
            assertEquals(2, update.openFaces(f, P));
            assertEquals(faces.available(f.faceLi, P) / 0.3, update.faceLi(f, P), 1e-15, "the share in the cell's free volume");
            f.xi[P] = 0.6;
            assertEquals(0, update.openFaces(f, P), "a resolved cell's surface reacts as a front");
            assertEquals(0, update.faceLi(f, P));
            f.xi[P] = 0;
            // collect forgets the records
            double[] after = f.faceLi.clone();
            faces.collect(f);
            assertEquals(java.util.Arrays.toString(after), java.util.Arrays.toString(f.faceLi), "a second gather moves nothing");
        }
    }

    @Test
    void withoutAnElectrolyteNextToTheHostNothingReacts() {
        Grid g = SCENARIO.grid().toGrid();
        byte[] material = new byte[g.paddedLength()];
        for (int k = 0; k < g.nz; k++)
            for (int i = 0; i < g.nx; i++) material[g.index(i, 0, k)] = (byte) (k < 2 ? 0 : 1);
        try (Parallel parallel = Parallel.serial()) {
            assertFalse(new HostFaces(g, TABLE, material, parallel).any(), "a host up to the top wall has no reacting face");
            // frozen LLZTO (f_free 0) above the host: its faces are left out
            for (int i = 0; i < g.nx; i++) material[g.index(i, 0, 4)] = 3;
            assertFalse(new HostFaces(g, TABLE, material, parallel).any(), "a frozen ion conductor's faces do not react");
        }
    }

    /**
     * After a relabel (docs/MODEL.md sections 3.5, 3.7) {@link HostFaces#update} finds the faces a fresh HostFaces finds
     * on the relabelled map: every cell's reacting faces and its share of its neighbours' Li are the same. The relabel
     * opens faces (Li under the host turned electrolyte, as where the electrolyte follows the metal), closes one that
     * holds Li (the electrolyte above (2, 3) turned frozen LLZTO: its Li stays, drawn on by no host cell) and turns
     * a host cell into electrolyte; the gather that follows conserves the Li.
     */
    @Test
    void anUpdateAfterARelabelFindsTheFacesOfAFreshStart() {
        Grid g = SCENARIO.grid().toGrid();
        byte li = 0, host = 1, lpscl = 2, llzto = 3;
        byte[] material = new byte[g.paddedLength()];
        for (int k = 0; k < g.nz; k++)
            for (int i = 0; i < g.nx; i++) material[g.index(i, 0, k)] = k < 2 ? li : k < 4 ? host : lpscl;
        try (Parallel parallel = Parallel.serial()) {
            HostFaces faces = new HostFaces(g, TABLE, material, parallel);
            FieldSet f = new FieldSet(g, material, false);
            // Li at every electrolyte cell's faces, different in each, so that the shares tell the counts apart
            for (int k = 0; k < g.nz; k++)
                for (int i = 0; i < g.nx; i++) f.faceLi[g.index(i, 0, k)] = material[g.index(i, 0, k)] == lpscl ? 0.1 * (1 + i + g.nx * k) : 0;
            final int closed = g.index(2, 0, 4);
            final double kept = f.faceLi[closed];
            for (int i = 0; i < g.nx; i++) material[g.index(i, 0, 1)] = lpscl;
            material[closed] = llzto;
            material[g.index(0, 0, 3)] = lpscl;
            assertEquals(0, faces.open(g.index(1, 0, 2)), "before the update the host's lower row has no face");
            faces.update(material);
            HostFaces fresh = new HostFaces(g, TABLE, material, parallel);
            for (int P = 0; P < g.paddedLength(); P++) {
                assertEquals(fresh.open(P), faces.open(P), "reacting faces of cell " + P);
                assertEquals(fresh.available(f.faceLi, P), faces.available(f.faceLi, P), 0, "Li at the faces of cell " + P);
            }
            assertEquals(1, faces.open(g.index(1, 0, 2)), "the host's lower row faces the electrolyte under it");
            assertEquals(2, faces.open(g.index(1, 0, 3)), "(1, 3) faces the electrolyte above it and the former host cell (0, 3)");
            assertEquals(0, faces.open(g.index(2, 0, 3)), "(2, 3) lies under LLZTO now");
            assertEquals(0, faces.available(f.faceLi, g.index(2, 0, 3)), 0, "no host cell draws on the closed face's Li");
            // a gather after the update: (1, 3) oxidises all of its share; the closed face's Li stays where it is
            double before = total(g, f.faceLi);
            final int P = g.index(1, 0, 3);
            double share = faces.available(f.faceLi, P);
            faces.record(P, 0, 1);
            faces.record(g.index(1, 0, 2), 0.3, 0);
            faces.collect(f);
            assertEquals(kept, f.faceLi[closed], 0, "the closed face's Li");
            assertEquals(before - share + 0.3, total(g, f.faceLi), 1e-14, "Li conserved");
        }
    }

    private static double total(Grid g, double[] field) {
        double s = 0;
        for (int k = 0; k < g.nz; k++)
            for (int i = 0; i < g.nx; i++) s += field[g.index(i, 0, k)];
        return s;
    }
}
