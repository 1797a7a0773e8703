package org.lipf.grid;

import java.util.List;

/**
 * What {@link GeometryBuilder} actually built: cell counts per layer, the achieved particle
 * fractions (counted by cells assigned), and warnings (e.g. particles smaller than two cells).
 */
public record GeometryReport(List<LayerResult> layers, List<ParticleResult> particles, List<String> warnings) {
    public GeometryReport {
        layers = List.copyOf(layers);
        particles = List.copyOf(particles);
        warnings = List.copyOf(warnings);
    }

    /** Layer {@code index} occupies cells {@code [k0, k1)} in z. */
    public record LayerResult(int index, String material, int k0, int k1) {}

    /**
     * @param targetVolumeFraction requested (after the weight-to-volume conversion)
     * @param achievedVolumeFraction particle cells / layer cells
     * @param placed number of particles placed
     * @param attempts placement attempts used
     */
    public record ParticleResult(int index, String material, int layer, double targetVolumeFraction, double achievedVolumeFraction,
            int placed, long attempts) {}

    public String summary() {
        StringBuilder b = new StringBuilder();
        for (LayerResult l : layers) b.append(String.format(java.util.Locale.ROOT, "layer %d (%s): cells z %d..%d%n", l.index(), l.material(), l.k0(), l.k1() - 1));
        for (ParticleResult p : particles)
            b.append(String.format(java.util.Locale.ROOT, "particles %d (%s in layer %d): %d placed, volume fraction %.4f (target %.4f)%n",
                    p.index(), p.material(), p.layer(), p.placed(), p.achievedVolumeFraction(), p.targetVolumeFraction()));
        for (String w : warnings) b.append("warning: ").append(w).append('\n');
        return b.toString();
    }
}
