package org.lipf.scenario;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lipf.grid.GeometryBuilder;
import org.lipf.grid.GeometryReport;
import org.lipf.grid.Grid;
import org.lipf.grid.InitialState;
import org.lipf.grid.MaterialMap;

class GeometryBuilderTest {
    static final String MATERIALS = """
            materials:
              li:    {diffusivity: 7.5e-13 m^2/s, ionic_conductivity: 0 S/m, electronic_conductivity: 1e7 S/m, exchange_current_density: 30 A/m^2}
              el:    {diffusivity: 7.5e-10 m^2/s, ionic_conductivity: 1.19 S/m, electronic_conductivity: 0 S/m, exchange_current_density: 30 A/m^2}
              host:  {diffusivity: 1e-11 cm^2/s, ionic_conductivity: 1 mS/cm, electronic_conductivity: 10 S/m, exchange_current_density: 4 A/m^2, free_fraction: 0.5}
              part:  {diffusivity: 1e-8 cm^2/s, ionic_conductivity: 1 mS/cm, electronic_conductivity: 0 S/m, exchange_current_density: 0 A/m^2, free_fraction: 0}
            control: {mode: galvanostatic, current_density: 5 mA/cm^2}
            time: {end: 1 s}
            """;

    static String scenario2D(double vf, long seed, double gapUm) {
        return "grid: {dimensions: 2, width: 100 um, height: 60 um, spacing: 0.5 um}\n" + MATERIALS + """
                geometry:
                  layers:
                    - {material: li, thickness: 5 um, xi: 1, c: 0}
                    - {material: host, thickness: 30 um, xi: 0, c: 0}
                    - {material: el, thickness: rest}
                  particles: [ {material: part, layer: 1, diameter: 4 um, diameter_std: 1 um, volume_fraction: %s, seed: %d, min_gap: %s um} ]
                  cracks: [ {layer: 0, x: 20 um, width: 1 um, fill: el} ]
                  nuclei: [ {x: 50 um, radius: 3 um} ]
                """.formatted(vf, seed, gapUm);
    }

    static String scenario3D(double vf, long seed) {
        return "grid: {dimensions: 3, width: 24 um, depth: 24 um, height: 24 um, spacing: 0.5 um}\n" + MATERIALS + """
                geometry:
                  layers:
                    - {material: li, thickness: 2 um, xi: 1, c: 0}
                    - {material: host, thickness: 12 um}
                    - {material: el, thickness: rest}
                  particles: [ {material: part, layer: 1, diameter: 3 um, diameter_std: 0.5 um, volume_fraction: %s, seed: %d, min_gap: 0.6 um} ]
                  cracks: [ {layer: 0, x: 5 um, y: 5 um, length: 2 um, width: 1 um, fill: el} ]
                """.formatted(vf, seed);
    }

    static InitialState build(String yaml) {
        Scenario s = ScenarioLoader.parse(yaml, "geo.yaml", Map.of());
        return GeometryBuilder.build(s, s.grid().toGrid());
    }

    /** Number of 4- (6-) connected components of particle cells, x and y periodic. */
    static int components(MaterialMap m, int id) {
        Grid g = m.grid();
        boolean[] seen = new boolean[g.paddedLength()];
        int n = 0;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    if (m.id(i, j, k) != id || seen[g.index(i, j, k)]) continue;
                    n++;
                    ArrayDeque<int[]> q = new ArrayDeque<>();
                    q.add(new int[] {i, j, k});
                    seen[g.index(i, j, k)] = true;
                    while (!q.isEmpty()) {
                        int[] p = q.poll();
                        int[][] nb = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
                        for (int[] d : nb) {
                            int a = Math.floorMod(p[0] + d[0], g.nx), b = Math.floorMod(p[1] + d[1], g.ny), c = p[2] + d[2];
                            if (c < 0 || c >= g.nz || m.id(a, b, c) != id || seen[g.index(a, b, c)]) continue;
                            seen[g.index(a, b, c)] = true;
                            q.add(new int[] {a, b, c});
                        }
                    }
                }
        return n;
    }

    @Test
    void interfaceUnderTwoSpacingsIsWarnedOfOnceInTheReport() {
        String oneSpacing = "model: {interface_width: 0.5 um}\n" + scenario2D(0.1, 1, 0);
        GeometryReport report = build(oneSpacing).report();
        assertEquals(1, report.warnings().stream().filter(w -> w.startsWith("model.interface_width: 0.5000 um is less than 2 grid spacings of 0.5000 um")).count(),
                report.warnings().toString());
        assertEquals(1, report.summary().split("warning: model.interface_width", -1).length - 1, report.summary());
        GeometryReport twoSpacings = build(scenario2D(0.1, 1, 0)).report(); // the default width is 2 spacings
        assertTrue(twoSpacings.warnings().stream().noneMatch(w -> w.startsWith("model.interface_width")), twoSpacings.warnings().toString());
    }

    @Test
    void layersStackFromTheBottomWithTheirXiAndC() {
        InitialState st = build(scenario2D(0.1, 1, 0));
        MaterialMap m = st.materials();
        Grid g = m.grid();
        assertEquals(0, m.id(60, 0, 9));              // li: z < 5 um -> k < 10
        assertEquals(1.0, st.xi()[g.index(60, 0, 9)]);
        assertEquals(0.0, st.c()[g.index(60, 0, 9)]);
        assertEquals(2, m.id(0, 0, 10) == 3 ? 2 : m.id(0, 0, 10) == 2 ? 2 : -1); // host or particle
        assertEquals(1, m.id(60, 0, 70));             // el above 35 um
        assertEquals(1.0, st.c()[g.index(60, 0, 70)]);
        assertEquals(0.0, st.xi()[0]);                // ghosts zero
        GeometryReport.LayerResult l1 = st.report().layers().get(1);
        assertEquals(10, l1.k0());
        assertEquals(70, l1.k1());
    }

    @Test
    void achievedVolumeFractionMatchesTargetIn2DWithoutOverlap() {
        InitialState st = build(scenario2D(0.3, 7, 1.0));
        GeometryReport.ParticleResult r = st.report().particles().get(0);
        double layerCells = 200 * 60;
        long cells = st.materials().count(3);
        assertEquals(r.achievedVolumeFraction(), cells / layerCells, 1e-12);
        assertEquals(0.3, r.achievedVolumeFraction(), 0.02);
        // min_gap 1 um = 2 cells: particles never touch, so every particle is its own component
        assertEquals(r.placed(), components(st.materials(), 3));
        // particle cells lie inside layer 1 only, with xi = min(0, 0) and the layer's c
        for (int k = 0; k < 120; k++)
            for (int i = 0; i < 200; i++)
                if (st.materials().id(i, 0, k) == 3) assertTrue(k >= 10 && k < 70, "k=" + k);
    }

    @Test
    void achievedVolumeFractionMatchesTargetIn3DWithoutOverlap() {
        InitialState st = build(scenario3D(0.15, 3));
        GeometryReport.ParticleResult r = st.report().particles().get(0);
        assertEquals(0.15, r.achievedVolumeFraction(), 0.02);
        assertEquals(r.placed(), components(st.materials(), 3));
        assertTrue(r.placed() > 10);
    }

    @Test
    void sameSeedGivesTheSameMapAndAnotherSeedADifferentOne() {
        byte[] a = build(scenario2D(0.2, 11, 0)).materials().compact();
        byte[] b = build(scenario2D(0.2, 11, 0)).materials().compact();
        byte[] c = build(scenario2D(0.2, 12, 0)).materials().compact();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        assertArrayEquals(build(scenario3D(0.1, 5)).materials().compact(), build(scenario3D(0.1, 5)).materials().compact());
    }

    @Test
    void crackCutsTheLayerWithFillMaterialAndNoMetal() {
        InitialState st = build(scenario2D(0.1, 1, 0));
        MaterialMap m = st.materials();
        Grid g = m.grid();
        for (int k = 0; k < 10; k++) {
            // centres 19.75 and 20.25 um are within 0.5 um of x = 20 um
            for (int i : new int[] {39, 40}) {
                assertEquals(1, m.id(i, 0, k));
                assertEquals(0.0, st.xi()[g.index(i, 0, k)]);
                assertEquals(0.0, st.c()[g.index(i, 0, k)]); // c of the layer
            }
            assertEquals(0, m.id(38, 0, k));
            assertEquals(0, m.id(41, 0, k));
        }
        assertEquals(0, m.id(39, 0, 10) == 1 ? 1 : 0); // crack stops at the layer top
    }

    @Test
    void crackIn3DIsAPinholeOfGivenLength() {
        InitialState st = build(scenario3D(0.1, 5));
        MaterialMap m = st.materials();
        // x = 5 um, width 1 um -> i 9, 10; y = 5 um, length 2 um -> j 8..11
        assertEquals(1, m.id(9, 8, 0));
        assertEquals(1, m.id(10, 11, 3));
        assertEquals(0, m.id(9, 12, 0));
        assertEquals(0, m.id(11, 9, 0));
    }

    @Test
    void nucleusIsAMetalBumpOnTheMetalLayerKeepingTheHostMaterial() {
        InitialState st = build(scenario2D(0.1, 1, 0));
        MaterialMap m = st.materials();
        Grid g = m.grid();
        // top of li at k = 10; x = 50 um -> i 99/100; host free fraction 0.5 caps xi
        int idx = g.index(99, 0, 10);
        assertEquals(2, m.id(99, 0, 10) == 3 ? 2 : m.id(99, 0, 10));
        assertTrue(st.xi()[idx] == 0.5 || m.id(99, 0, 10) == 3);
        assertEquals(0.0, st.c()[idx]);
        assertEquals(0.0, st.xi()[g.index(99, 0, 17)]); // 3.75 um above: outside the 3 um radius
    }

    @Test
    void materialMapGhostsArePeriodicLaterallyAndCopiedVertically() {
        InitialState st = build(scenario2D(0.1, 1, 0));
        MaterialMap m = st.materials();
        Grid g = m.grid();
        byte[] raw = m.raw();
        for (int k = 0; k < g.nz; k++) {
            assertEquals(m.id(g.nx - 1, 0, k), raw[g.index(0, 0, k) - 1]);
            assertEquals(m.id(0, 0, k), raw[g.index(g.nx - 1, 0, k) + 1]);
        }
        assertEquals(m.id(5, 0, 0), raw[g.index(5, 0, 0) - g.strideZ]);
        assertEquals(m.id(5, 0, g.nz - 1), raw[g.index(5, 0, g.nz - 1) + g.strideZ]);
        assertEquals(4, m.names().size());
    }

    @Test
    void overcrowdedParticlesAreRejectedUpFrontNamingTheParticlesKey() {
        // 0.45 of 4 um discs with a 0.5 um gap is a packing fraction 0.57 > 0.50
        String yaml = scenario2D(0.45, 1, 0.5);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "geo.yaml", Map.of()));
        assertEquals("geometry.particles[0].volume_fraction", e.keyPath());
        assertTrue(e.getMessage().contains("random-placement limit 0.50 for discs"), e.getMessage());
    }
}
