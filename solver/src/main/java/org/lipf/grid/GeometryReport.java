package org.lipf.grid;

import java.util.List;
import java.util.Locale;

/**
 * What {@link GeometryBuilder} actually built: cell counts per layer, the achieved particle
 * fractions (counted by cells assigned), the connectivity of particle and grain networks, what
 * each microstructure generator made, and warnings (e.g. particles smaller than two cells).
 */
public record GeometryReport(List<LayerResult> layers, List<ParticleResult> particles, List<String> warnings, List<ConnectivityResult> connectivity,
        List<GradientResult> gradients, List<MixtureResult> grainMixtures, List<CoatingResult> coatings, List<ImageResult> images) {
    public GeometryReport {
        layers = List.copyOf(layers);
        particles = List.copyOf(particles);
        warnings = List.copyOf(warnings);
        connectivity = List.copyOf(connectivity);
        gradients = List.copyOf(gradients);
        grainMixtures = List.copyOf(grainMixtures);
        coatings = List.copyOf(coatings);
        images = List.copyOf(images);
    }

    /** Layers, particles and warnings only. */
    public GeometryReport(List<LayerResult> layers, List<ParticleResult> particles, List<String> warnings) {
        this(layers, particles, warnings, List.of(), List.of(), List.of(), List.of(), List.of());
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
            int placed, long attempts, double grainSize_m) {
        /** Randomly placed particles: {@code placed} of them. */
        public ParticleResult(int index, String material, int layer, double targetVolumeFraction, double achievedVolumeFraction, int placed, long attempts) {
            this(index, material, layer, targetVolumeFraction, achievedVolumeFraction, placed, attempts, Double.NaN);
        }

        /** Whether the particles coat grain boundaries ({@code placed} is then the grain count, of mean size {@code grainSize_m}). */
        public boolean onGrainBoundaries() {
            return !Double.isNaN(grainSize_m);
        }
    }

    /** Face connectivity of the cells of {@code material} within layer {@code layer}, bottom to top (see {@link Percolation}). */
    public record ConnectivityResult(int layer, String material, Percolation.Result result) {}

    /** Cells of each gradient level n = 0..levels (level 0 keeps the layer material). */
    public record GradientResult(int index, int layer, List<String> levelMaterials, long[] cellsPerLevel) {}

    /** Grains made and the achieved cell fraction of each material. */
    public record MixtureResult(int index, int layer, int grains, List<String> materials, double[] achievedFractions) {}

    /**
     * A coating as built. {@code thickness_m} is the local thickness per lateral column, index
     * {@code j * nx + i} (0 where bare), of the coating on the plane {@code k} (the bottom face of
     * cell plane k, the top of its layer); a {@code subcell} coating fills one effective cell per covered column (docs/MODEL.md section 1.2).
     *
     * @param coveredFraction columns with thickness > 0
     * @param meanThickness_m mean over all columns, bare ones included
     * @param cells cells given the coating material
     * @param clippedColumns columns whose thickness reached beyond the layer above and were cut there
     * @param cracksAlongX cracks that run along x (3D only)
     * @param cracksAlongY cracks that run along y (every 2D crack, a gap in x)
     */
    public record CoatingResult(int index, String material, int layer, boolean subcell, int k, double[] thickness_m, double coveredFraction,
            double meanThickness_m, long cells, long clippedColumns, int cracksAlongX, int cracksAlongY) {}

    /** Cells set from voxel image {@code index}. */
    public record ImageResult(int index, String file, long cells) {}

    public String summary() {
        StringBuilder b = new StringBuilder();
        for (LayerResult l : layers) b.append(String.format(Locale.ROOT, "layer %d (%s): cells %d..%d up from the collector%n", l.index(), l.material(), l.k0(), l.k1() - 1));
        for (GradientResult g : gradients) {
            b.append(String.format(Locale.ROOT, "gradient %d in layer %d: cells per level", g.index(), g.layer()));
            for (long n : g.cellsPerLevel()) b.append(' ').append(n);
            b.append('\n');
        }
        for (MixtureResult m : grainMixtures) {
            b.append(String.format(Locale.ROOT, "grain mixture %d in layer %d: %d grains;", m.index(), m.layer(), m.grains()));
            for (int i = 0; i < m.materials().size(); i++) b.append(String.format(Locale.ROOT, " %s %.4f", m.materials().get(i), m.achievedFractions()[i]));
            b.append('\n');
        }
        for (ParticleResult p : particles)
            if (p.onGrainBoundaries())
                b.append(String.format(Locale.ROOT, "particles %d (%s in layer %d): a shell on the boundaries of %d grains of %.4g um, volume fraction %.4f (target %.4f)%n",
                        p.index(), p.material(), p.layer(), p.placed(), p.grainSize_m() * 1e6, p.achievedVolumeFraction(), p.targetVolumeFraction()));
            else b.append(String.format(Locale.ROOT, "particles %d (%s in layer %d): %d placed, volume fraction %.4f (target %.4f)%n",
                    p.index(), p.material(), p.layer(), p.placed(), p.achievedVolumeFraction(), p.targetVolumeFraction()));
        for (CoatingResult c : coatings) {
            b.append(String.format(Locale.ROOT, "coating %d (%s on layer %d%s): covers %.4f of the columns, mean thickness %.4g um, %d cells", c.index(), c.material(),
                    c.layer(), c.subcell() ? ", sub-cell: one effective cell per column" : "", c.coveredFraction(), c.meanThickness_m() * 1e6, c.cells()));
            // which way the cracks run: a random direction per crack (3D) shows only here and in the material map
            if (c.cracksAlongX() + c.cracksAlongY() > 0) b.append(String.format(Locale.ROOT, "; cracks: %d along x, %d along y", c.cracksAlongX(), c.cracksAlongY()));
            b.append(String.format("%n"));
        }
        for (ImageResult im : images) b.append(String.format(Locale.ROOT, "image %d (%s): %d cells%n", im.index(), im.file(), im.cells()));
        for (ConnectivityResult c : connectivity)
            b.append(String.format(Locale.ROOT, "connectivity of %s in layer %d: %s bottom to top; %d clusters (%d touch the bottom, %d the top), the largest holds %.4f of its %d cells%n",
                    c.material(), c.layer(), c.result().percolates() ? "percolates" : "does not percolate", c.result().clusters(), c.result().clustersOnBottom(),
                    c.result().clustersOnTop(), c.result().largestClusterFraction(), c.result().cells()));
        for (String w : warnings) b.append("warning: ").append(w).append('\n');
        return b.toString();
    }
}
