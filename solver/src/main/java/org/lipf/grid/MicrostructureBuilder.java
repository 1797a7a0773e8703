package org.lipf.grid;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.lipf.scenario.SubcellCoating;
import org.lipf.scenario.CoatingSpec;
import org.lipf.scenario.GradientSpec;
import org.lipf.scenario.GrainMixtureSpec;
import org.lipf.scenario.LayerSpec;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioException;
import org.lipf.scenario.VoxelImageSpec;

/**
 * Draws the microstructure generators of a scenario ({@link org.lipf.scenario.MicrostructureSpec})
 * into the material map, xi and c that {@link GeometryBuilder} is building; see GeometryBuilder
 * for the order and docs/MODEL.md section 1 for the rules.
 */
final class MicrostructureBuilder {
    private final Scenario s;
    private final Grid g;
    private final int[][] layerCells;
    private final byte[] ids;
    private final double[] xi, c;
    private final List<String> warnings;
    private final double dx;

    MicrostructureBuilder(Scenario s, Grid g, int[][] layerCells, byte[] ids, double[] xi, double[] c, List<String> warnings) {
        this.s = s;
        this.g = g;
        this.layerCells = layerCells;
        this.ids = ids;
        this.xi = xi;
        this.c = c;
        this.warnings = warnings;
        this.dx = g.dx_m;
    }

    /** Sets cell idx to material {@code name}, its xi capped at the material's free fraction. */
    private void setMaterial(int idx, String name) {
        ids[idx] = (byte) s.materialId(name);
        xi[idx] = Math.min(xi[idx], s.material(name).freeFraction());
    }

    // ------------------------------------------------------------------------------- gradients

    GeometryReport.GradientResult gradient(int index) {
        GradientSpec gr = s.geometry().microstructure().gradients().get(index);
        int[] kk = layerCells[gr.layer()];
        long[] counts = new long[gr.levels() + 1];
        for (int k = kk[0]; k < kk[1]; k++) {
            double depth = gr.surface() == GradientSpec.Surface.TOP ? kk[1] * dx - (k + 0.5) * dx : (k + 0.5) * dx - kk[0] * dx;
            int level = gr.levelAt(depth);
            counts[level] += (long) g.nx * g.ny;
            if (level == 0) continue;
            String name = gr.levelName(level);
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) setMaterial(g.index(i, j, k), name);
        }
        List<String> names = new ArrayList<>();
        names.add(gr.from());
        for (int n = 1; n <= gr.levels(); n++) names.add(gr.levelName(n));
        return new GeometryReport.GradientResult(index, gr.layer(), names, counts);
    }

    // ------------------------------------------------------------------------------- grain mixtures

    GeometryReport.MixtureResult grainMixture(int index) {
        GrainMixtureSpec mix = s.geometry().microstructure().grainMixtures().get(index);
        int[] kk = layerCells[mix.layer()];
        int planes = kk[1] - kk[0], nCells = g.nx * g.ny * planes;
        SplittableRandom rng = new SplittableRandom(mix.seed());
        int[] grainOf;
        int grains;
        if (mix.grainSize_m() <= dx) {
            grains = nCells;
            grainOf = new int[nCells];
            for (int q = 0; q < nCells; q++) grainOf[q] = q;
        } else {
            double volume = g.nx * dx * planes * dx * (g.is3D() ? g.ny * dx : 1);
            grains = (int) Math.max(1, Math.min(nCells, Math.round(volume / Math.pow(mix.grainSize_m(), g.dimensions))));
            grainOf = new VoronoiSeeds(g, kk[0] * dx, kk[1] * dx, grains, mix.grainSize_m(), rng).nearestForCells(kk[0], kk[1]);
        }
        long[] size = new long[grains];
        for (int q : grainOf) size[q]++;
        int nm = mix.materials().size();
        long[] target = largestRemainder(mix.fractions(), nCells), count = new long[nm];
        int[] order = shuffled(grains, rng), material = new int[grains];
        for (int q : order) {
            if (size[q] == 0) continue;
            int best = 0;
            for (int m = 1; m < nm; m++)
                if (target[m] - count[m] > target[best] - count[best]) best = m;
            material[q] = best;
            count[best] += size[q];
        }
        for (int q = 0; q < nCells; q++) {
            int i = q % g.nx, j = (q / g.nx) % g.ny, k = kk[0] + q / (g.nx * g.ny);
            setMaterial(g.index(i, j, k), mix.materials().get(material[grainOf[q]]));
        }
        double[] achieved = new double[nm];
        for (int m = 0; m < nm; m++) achieved[m] = (double) count[m] / nCells;
        refuseMissingGrains(index, mix, grains, count, planes);
        return new GeometryReport.MixtureResult(index, mix.layer(), grains, mix.materials(), achieved);
    }

    /**
     * A material of the mixture that no grain took (grains too large for the layer: one grain made it all of one material)
     * is refused, with the grain size that would give it a grain of its own; one whose fraction is under one of the
     * layer's cells, which no grain size can give a grain (the smallest is a cell), with the fraction it needs.
     */
    private void refuseMissingGrains(int index, GrainMixtureSpec mix, int grains, long[] count, int planes) {
        long layerCells = (long) g.nx * g.ny * planes;
        for (int m = 0; m < count.length; m++) {
            double f = mix.fractions().get(m);
            if (count[m] > 0 || f == 0) continue;
            if (f * layerCells < 1)
                throw new ScenarioException(s.name(), "geometry.grain_mixtures[" + index + "].fractions", -1, String.format(Locale.ROOT,
                        "%s (fraction %.4g) is %.3g of the %d cells of layer %d, and even grains of one cell give it none: the layer would hold no %s; "
                        + "it needs a fraction of at least %.3g (one cell), or a thicker layer, a wider window or a finer grid.spacing",
                        mix.materials().get(m), f, f * layerCells, layerCells, mix.layer(), mix.materials().get(m), 1.0 / layerCells));
            double layerVolume = g.nx * dx * planes * dx * (g.is3D() ? g.ny * dx : 1);
            throw new ScenarioException(s.name(), "geometry.grain_mixtures[" + index + "].grain_size", -1, String.format(Locale.ROOT,
                    "grains of %.4g um make %d grain%s in layer %d (%.4g um thick on the grid, %.4g um wide%s), and %s (fraction %.4g) got none: the layer would hold no %s; "
                    + "a grain of its own needs a grain_size of at most about %.3g um (its fraction of the layer), or a thicker layer or a wider window",
                    mix.grainSize_m() * 1e6, grains, grains == 1 ? "" : "s", mix.layer(), planes * dx * 1e6, g.nx * dx * 1e6,
                    g.is3D() ? String.format(Locale.ROOT, ", %.4g um deep", g.ny * dx * 1e6) : "", mix.materials().get(m), f, mix.materials().get(m),
                    Math.pow(f * layerVolume, 1.0 / g.dimensions) * 1e6));
        }
    }

    /** Whole-cell targets summing to n: floors, the rest to the largest remainders (ties to the first). */
    static long[] largestRemainder(List<Double> fractions, long n) {
        int m = fractions.size();
        long[] t = new long[m];
        long sum = 0;
        for (int i = 0; i < m; i++) sum += t[i] = (long) Math.floor(fractions.get(i) * n);
        while (sum < n) {
            int best = 0;
            double bestRem = -1;
            for (int i = 0; i < m; i++) {
                double rem = fractions.get(i) * n - t[i];
                if (rem > bestRem) {
                    bestRem = rem;
                    best = i;
                }
            }
            t[best]++;
            sum++;
        }
        return t;
    }

    private static int[] shuffled(int n, SplittableRandom rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    // ------------------------------------------------------------------------------- coatings

    GeometryReport.CoatingResult coating(int index) {
        CoatingSpec co = s.geometry().microstructure().coatings().get(index);
        int nx = g.nx, cols = nx * g.ny;
        CoatingColumns layout = CoatingColumns.of(co, g);
        double[] t = layout.thickness_m();
        int k0 = layerCells[co.layer()][1];
        int kLimit = co.layer() + 1 < layerCells.length ? layerCells[co.layer() + 1][1] : g.nz;
        List<LayerSpec> layers = s.geometry().layers();
        double cAbove = co.layer() + 1 < layers.size() ? layers.get(co.layer() + 1).c() : 1; // the background has c = 1
        double cc = Double.isNaN(co.c()) ? cAbove : co.c();
        long cells = 0, clipped = 0, covered = 0;
        double sum = 0;
        for (int q = 0; q < cols; q++) {
            sum += t[q];
            if (t[q] > 0) covered++;
            // an on-metal film is no cells: its resistance rides on the metal surface (SurfaceFilms)
            if (t[q] == 0 || co.onMetal()) continue;
            int i = q % nx, j = q / nx;
            if (co.subcell()) {
                // one cell holds the film and the host above it in series (docs/MODEL.md section 1.2)
                int idx = g.index(i, j, k0);
                setMaterial(idx, SubcellCoating.className(co, index, SubcellCoating.classOf(co, dx, t[q])));
                xi[idx] = 0;
                c[idx] = cc;
                cells++;
                continue;
            }
            int k = k0;
            for (; k < kLimit && (k + 0.5 - k0) * dx < t[q]; k++) {
                int idx = g.index(i, j, k);
                setMaterial(idx, co.material());
                xi[idx] = 0;
                c[idx] = cc;
                cells++;
            }
            if (k == kLimit && (k + 0.5 - k0) * dx < t[q]) clipped++;
        }
        if (clipped > 0)
            warnings.add(String.format(Locale.ROOT, "geometry.coatings[%d]: %d columns are thicker than the layer above and were cut at its top", index, clipped));
        return new GeometryReport.CoatingResult(index, co.material(), co.layer(), co.subcell(), k0, t, (double) covered / cols, sum / cols, cells, clipped,
                layout.cracksAlongX(), layout.cracksAlongY());
    }

    /**
     * Refuses sub-cell coatings on a layer of the metal's material that together (with what the images and cracks drawn after
     * them left) hold every cell of the plane above it: their cells hold no metal (f_free = 0), so no cell at the metal
     * surface is left to react in, and the run failed at its first solve. Two films each with gaps may close each other's
     * gaps. On another layer the ions cross such cells in series (docs/MODEL.md section 1.2).
     */
    void refuseClosedMetalSurfaces() {
        List<CoatingSpec> coatings = s.geometry().microstructure().coatings();
        for (int l = 0; l < layerCells.length; l++) {
            if (!s.geometry().layers().get(l).material().equals(s.model().metalMaterial())) continue;
            Set<Integer> filmIds = new HashSet<>();
            List<Integer> films = new ArrayList<>();
            for (int n = 0; n < coatings.size(); n++) {
                CoatingSpec co = coatings.get(n);
                if (co.layer() != l || !co.subcell()) continue;
                for (int k = 0; k < SubcellCoating.classes(co); k++) filmIds.add(s.materialId(SubcellCoating.className(co, n, k)));
                films.add(n);
            }
            if (films.isEmpty() || !closed(layerCells[l][1], filmIds)) continue;
            String what = films.size() == 1 ? "the sub-cell coating of " + coatings.get(films.get(0)).material() + " covers"
                    : "the sub-cell coatings " + String.join(", ", films.stream().map(n -> "of " + coatings.get(n).material() + " (geometry.coatings[" + n + "])").toList())
                            + " together cover";
            int last = films.get(films.size() - 1);
            throw new ScenarioException(s.name(), "geometry.coatings[" + last + "]", -1, what + " every column of the window over layer " + l
                    + ", and Li neither grows into their cells nor reacts in them: no current could pass "
                    + "(docs/MODEL.md section 1.2); for a film the current crosses, in series with the reaction, say on_metal: true instead of subcell; "
                    + "for a film the current goes around, leave some columns open (coverage below 100 %, pinholes or cracks)");
        }
    }

    /** Whether every cell of plane k is one of the materials {@code filmIds}. */
    private boolean closed(int k, Set<Integer> filmIds) {
        for (int j = 0; j < g.ny; j++)
            for (int i = 0; i < g.nx; i++)
                if (!filmIds.contains((int) ids[g.index(i, j, k)])) return false;
        return true;
    }

    // ------------------------------------------------------------------------------- images

    GeometryReport.ImageResult image(int index) {
        VoxelImageSpec spec = s.geometry().microstructure().images().get(index);
        String key = "geometry.images[" + index + "]";
        VoxelImage img;
        try {
            img = VoxelImage.read(spec.file(), spec.dataset());
        } catch (IOException e) {
            throw new ScenarioException(s.name(), key + ".file", -1, spec.file() + ": " + e.getMessage(), e);
        }
        double v = spec.voxelSize_m();
        ImagePlacement placed = new ImagePlacement(img, v, spec.x_m(), spec.y_m(), spec.z_m(), g.nx, g.ny, g.nz, dx);
        if (!placed.outside().isEmpty())
            warnings.add(key + " (" + spec.file() + "): the image is cropped to the domain; outside it lie " + placed.outside() + " (" + placed.spans()
                    + "); check voxel_size and offset");
        if (spec.snapshotState() && !img.isSnapshot())
            throw new ScenarioException(s.name(), key + ".file", -1, spec.file() + ": no longer a LiPF snapshot (the file changed after the scenario was read)");
        Map<Integer, VoxelImageSpec.Phase> phases = new HashMap<>();
        Map<Integer, Byte> idOf = new HashMap<>();
        long cells = 0;
        for (int k = 0; k < g.nz; k++) {
            int iz = (int) Math.floor(((k + 0.5) * dx - spec.z_m()) / v);
            if (iz < 0 || iz >= img.nz) continue;
            for (int j = 0; j < g.ny; j++) {
                int iy = img.is3D() ? (int) Math.floor(((j + 0.5) * dx - spec.y_m()) / v) : 0;
                if (iy < 0 || iy >= img.ny) continue;
                for (int i = 0; i < g.nx; i++) {
                    int ix = (int) Math.floor(((i + 0.5) * dx - spec.x_m()) / v);
                    if (ix < 0 || ix >= img.nx) continue;
                    int value = img.value(ix, iy, iz);
                    VoxelImageSpec.Phase p = phases.computeIfAbsent(value, val -> spec.mapping().get(img.key(val)));
                    if (p == null)
                        throw new ScenarioException(s.name(), key, -1, spec.file() + ": value " + img.key(value) + " has no material (the file changed after the scenario was read)");
                    int idx = g.index(i, j, k);
                    ids[idx] = idOf.computeIfAbsent(value, val -> (byte) s.materialId(p.material()));
                    if (spec.snapshotState()) {
                        xi[idx] = img.snapshotXi(ix, iy, iz); // as recorded: xi reaches 1 in a host too (m = f_free h(xi))
                        c[idx] = img.snapshotC(ix, iy, iz);
                    } else {
                        xi[idx] = p.xi();
                        if (!Double.isNaN(p.c())) c[idx] = p.c();
                    }
                    cells++;
                }
            }
        }
        return new GeometryReport.ImageResult(index, spec.file().toString(), cells);
    }
}
