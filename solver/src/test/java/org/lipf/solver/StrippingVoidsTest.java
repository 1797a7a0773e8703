package org.lipf.solver;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lipf.grid.SurfaceFilms;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioLoader;

/** The void law of docs/MODEL.md section 4.3, step by step against its closed form. */
class StrippingVoidsTest {
    /** n F c_s of Li, C/m^3. */
    private static final double RHO = 96485.33212 * 76_900;

    @Test
    void voidsOpenAtTheStrippingCurrentBeyondTheSupplyAndCloseAtTheSupply() {
        double v = 0, dt = 0.5;
        // 600 s of stripping at 5 A/m^2 against a supply of 2 A/m^2: (5 - 2) 600 / (n F c_s)
        for (int n = 0; n < 1200; n++) v = StrippingVoids.nextVoidVolume_m(v, -5, 2, RHO, dt);
        assertEquals(3 * 600 / RHO, v, 1e-12 * v);
        assertEquals(Math.exp(-v / 1e-7), StrippingVoids.contactFraction(v, 1e-7), 0);
        // plating (or rest) closes them at the supply, and not below zero
        double opened = v;
        for (int n = 0; n < 200; n++) v = StrippingVoids.nextVoidVolume_m(v, 5, 2, RHO, dt);
        assertEquals(opened - 2 * 100 / RHO, v, 1e-12 * opened);
        for (int n = 0; n < 10_000; n++) v = StrippingVoids.nextVoidVolume_m(v, 0, 2, RHO, dt);
        assertEquals(0, v, 0);
        // stripping within the supply opens none
        assertEquals(0, StrippingVoids.nextVoidVolume_m(0, -1.9, 2, RHO, 1e3), 0);
        assertEquals(1, StrippingVoids.contactFraction(0, 1e-7), 0);
    }

    @Test
    void aFilmThatGivesAStrippingCurrentSetsItWhereItCoversElseTheMetalDoes() {
        Scenario s = ScenarioLoader.parse("""
                name: films
                grid: {dimensions: 2, width: 2 um, height: 4 um, spacing: 0.25 um}
                model: {form: mixed_conductor, interface_width: 0.5 um}
                materials:
                  li: {library: li-metal, critical_stripping_current: 1 A/m^2, void_depth: 1 um}
                  lpscl: {library: lpscl-pellet}
                  film: {library: li3n, critical_stripping_current: 7 A/m^2}
                geometry:
                  background: lpscl
                  layers:
                    - {material: li, thickness: 1 um, xi: 1, c: 1}
                    - {material: lpscl, thickness: rest, c: 1}
                  coatings: [{material: film, layer: 0, thickness: 50 nm, on_metal: true, coverage: 0.5, patch_size: 0.5 um, seed: 3}]
                control: {mode: galvanostatic, current_density: 1 A/m^2}
                time: {end: 1 s}
                """, "films.yaml", Map.of());
        var g = s.grid().toGrid();
        double[] supply = SurfaceFilms.criticalStrippingCurrentPerColumn_A_per_m2(s, g, 1);
        double[] resistance = SurfaceFilms.resistancePerColumn_ohm_m2(s, g);
        int covered = 0;
        for (int i = 0; i < g.nx; i++) {
            boolean film = resistance[g.index(i, 0, 0) % g.strideZ] > 0;
            assertEquals(film ? 7 : 1, supply[i], 0, "column " + i);
            if (film) covered++;
        }
        assertTrue(covered > 0 && covered < g.nx, "half covered: " + covered);
    }
}
