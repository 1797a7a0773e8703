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
 * (w / rho_p) / (w / rho_p + (1 - w) / rho_host), as before. The host of a layer that a grain mixture draws is the
 * mixture, of density sum_k f_k rho_k over its materials' volume fractions ({@link #hostDensity}).
 */
final class LayerParticleFractions {
    private LayerParticleFractions() {
    }

    /**
     * The volume fraction of {@code sets.get(index)}.
     *
     * @param density kg/m^3 of a material by name (needed for the sets given by weight)
     * @param hostDensity kg/m^3 of the host of the set's layer ({@link #hostDensity})
     */
    static double of(List<ParticleSpec> sets, int index, ToDoubleFunction<String> density, double hostDensity) {
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
        specificVolume += (1 - weight) / hostDensity;
        return (1 - byVolume) * (p.weightFraction() / density.applyAsDouble(p.material())) / specificVolume;
    }

    /**
     * The density of the host of layer {@code layer}'s particles, kg/m^3: the layer's material's, or where a grain mixture draws
     * the layer (before the particles), the mixture's, sum_k f_k rho_k over its materials and their volume fractions.
     */
    static double hostDensity(List<LayerSpec> layers, List<GrainMixtureSpec> mixtures, int layer, ToDoubleFunction<String> density) {
        for (GrainMixtureSpec m : mixtures) {
            if (m.layer() != layer) continue;
            double rho = 0;
            for (int k = 0; k < m.materials().size(); k++) rho += m.fractions().get(k) * density.applyAsDouble(m.materials().get(k));
            return rho;
        }
        return density.applyAsDouble(layers.get(layer).material());
    }

    /** The materials whose density {@link #hostDensity} of layer {@code layer} takes. */
    static List<String> hostMaterials(List<LayerSpec> layers, List<GrainMixtureSpec> mixtures, int layer) {
        for (GrainMixtureSpec m : mixtures)
            if (m.layer() == layer) return m.materials();
        return List.of(layers.get(layer).material());
    }
}
