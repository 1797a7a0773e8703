package org.lipf.scenario;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The volume fraction of a particle set in its layer (docs/MODEL.md section 1, item 4). Sets given by
 * volume fraction take their volume first; the sets of the layer given by weight share the rest with the
 * host, their weight fractions being of the mass of that rest, converted together:
 *
 * <pre>
 *   v_i = (1 - V) (w_i / rho_i) / (sum_j w_j / rho_j + (1 - sum_j w_j) / rho_host)
 * </pre>
 *
 * V the layer's volume-given fractions, j over its weight-given sets. Each set converted as if the others
 * were absent counted the host's mass as the whole remainder: 20 wt% LLZTO + 20 wt% LiF in soft carbon
 * gave 0.0893 and 0.1595 instead of 0.0945 and 0.1828. A set alone in its layer gets
 * (w / rho_p) / (w / rho_p + (1 - w) / rho_host), as before.
 */
final class LayerParticleFractions {
    private LayerParticleFractions() {
    }

    /**
     * The volume fraction of {@code sets.get(index)}.
     *
     * @param density kg/m^3 of a material by name (needed for the sets given by weight and their layer's host)
     * @param host the material of the set's layer
     */
    static double of(List<ParticleSpec> sets, int index, ToDoubleFunction<String> density, String host) {
        ParticleSpec p = sets.get(index);
        if (!Double.isNaN(p.volumeFraction())) return p.volumeFraction();
        double byVolume = 0, weight = 0, specificVolume = 0;
        for (ParticleSpec o : sets) {
            if (o.layer() != p.layer()) continue;
            if (!Double.isNaN(o.volumeFraction())) {
                byVolume += o.volumeFraction();
            } else {
                weight += o.weightFraction();
                specificVolume += o.weightFraction() / density.applyAsDouble(o.material());
            }
        }
        specificVolume += (1 - weight) / density.applyAsDouble(host);
        return (1 - byVolume) * (p.weightFraction() / density.applyAsDouble(p.material())) / specificVolume;
    }
}
