package org.lipf.solver;

import java.util.List;
import org.lipf.scenario.LayerSpec;
import org.lipf.scenario.ModelForm;
import org.lipf.scenario.Scenario;

/**
 * The electrolyte between the window's top and the counter electrode that the window does not hold
 * ({@code geometry.electrolyte_beyond_top}, docs/MODEL.md section 4.2) as an ohmic resistor: the current crosses it
 * uniformly, so its area resistance is its thickness over the ionic conductivity of the geometry's top material (the
 * top layer where the layers fill the window, else the background above them; at the scenario's temperature), the
 * pellet the window is a slice of. Its drop added to the cell voltage gives the voltage across the whole pellet
 * (docs/MODEL.md section 7).
 */
public final class ElectrolyteBeyondTop {
    private ElectrolyteBeyondTop() {}

    /**
     * Area resistance, ohm m^2: 0 without electrolyte beyond the top; NaN where the top material conducts no ions, and
     * in the single-potential form (whose counter current is only part of the cell's, docs/MODEL.md section 5.3).
     */
    public static double resistance_ohm_m2(Scenario scenario) {
        final double thickness_m = scenario.geometry().electrolyteBeyondTop_m();
        if (thickness_m == 0) return 0;
        if (scenario.model().form() == ModelForm.SINGLE_POTENTIAL) return Double.NaN;
        final double sigma = scenario.material(topMaterial(scenario)).sigmaIon_S_per_m();
        return sigma > 0 ? thickness_m / sigma : Double.NaN;
    }

    /** The material at the geometry's top: the last layer where the layers fill the height, else the background. */
    static String topMaterial(Scenario scenario) {
        final List<LayerSpec> layers = scenario.geometry().layers();
        double filled = 0;
        for (LayerSpec l : layers) filled += l.thickness_m();
        return filled >= scenario.grid().height_m() * (1 - 1e-9) ? layers.get(layers.size() - 1).material() : scenario.geometry().background();
    }
}
