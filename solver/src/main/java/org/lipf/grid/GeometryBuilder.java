package org.lipf.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.lipf.scenario.CrackSpec;
import org.lipf.scenario.GeometrySpec;
import org.lipf.scenario.GrainMixtureSpec;
import org.lipf.scenario.LayerSpec;
import org.lipf.scenario.MaterialSpec;
import org.lipf.scenario.MicrostructureSpec;
import org.lipf.scenario.NucleusSpec;
import org.lipf.scenario.ParticleSpec;
import org.lipf.scenario.Scenario;
import org.lipf.scenario.ScenarioException;
import org.lipf.scenario.TemperatureCheck;

/**
 * Builds the initial material map, {@code xi} and {@code c} from a scenario's geometry, in this
 * order:
 * <ol>
 *   <li><b>Layers</b>, bottom up: cell k belongs to the layer whose [bottom, top) contains its
 *       centre (k + 0.5) dx; it gets the layer's material, xi and c. Cells above the last layer get
 *       the background material, xi = 0, c = 1.
 *   <li><b>Depth gradients</b> ({@link MicrostructureBuilder#gradient}): each cell of the layer
 *       takes the generated material of the level nearest x(d) = x_s erfc(d / L) at its centre's
 *       depth d below the entry surface (level 0 keeps the layer's material).
 *   <li><b>Grain mixtures</b>: Voronoi grains from seeds uniform in the layer (one per
 *       grain_size^dim; cell by cell if the grain is no larger than a cell), visited in a seeded
 *       random order, each given the material furthest below its target cell count (targets by
 *       largest remainder, so cell-wise mixtures are exact).
 *   <li><b>Particles</b>: discs (2D) or spheres (3D), placed one at a time by random sequential
 *       addition with {@code new SplittableRandom(seed)} of each particle set. Diameters are drawn
 *       from a normal distribution N(mean, std) truncated to (0, min(mean + 4 std, layer
 *       thickness, lateral extent - min_gap)] by redrawing. Centres are uniform in x (and y),
 *       periodic, and in z such that the particle lies fully inside the layer's cells. A candidate
 *       is rejected if it comes closer than r1 + r2 + max(gap1, gap2) to any particle already in
 *       the layer (minimum-image distance), if it covers no cell centre, or if it would overshoot
 *       the target by more than it would leave missing. A cell is a particle cell when its centre
 *       lies inside the particle; it gets the particle material, xi = min(layer xi, particle
 *       free fraction) and the layer's c. Placement stops when the particle cells reach
 *       round(fraction * layer cells); the achieved fraction is in the {@link GeometryReport}.
 *       It gives up after {@code 2000 + 400 * expected particle count} attempts, with a
 *       {@link ScenarioException} on {@code geometry.particles[i]} if the fraction is more than
 *       0.01 short. Diameters may instead be uniform in [diameter_min, diameter_max].
 *   <li><b>Coatings</b>: per lateral column a thickness t (seeded random field, coverage patches,
 *       pinholes, cracks; see {@link org.lipf.scenario.CoatingSpec}); the cells above the top of the
 *       layer whose centre lies below top + t get the coating material, xi = 0 and the coating's c,
 *       up to the top of the layer above. A sub-cell coating fills one effective cell per covered column.
 *   <li><b>Voxel images</b>: every cell whose centre lies in the placed image takes the mapped
 *       material, xi and (if given) c of the voxel containing it (a LiPF snapshot mapped by its own
 *       names: the xi and c the voxel had in the snapshot); the part of the image outside the
 *       domain is dropped with a warning ({@link ImagePlacement}).
 *   <li><b>Cracks</b>: cells of the layer whose centre is within width/2 of x (periodic; in 3D
 *       also within length/2 of y unless the crack spans the whole depth) get the fill material,
 *       xi = 0 and the crack's c (default the layer's c).
 *   <li>Sub-cell coatings on a layer of the metal's material that, together, hold every cell of the plane above it
 *       (after the images and cracks) are refused: no cell would be left at the metal surface to react in.
 *   <li><b>Nuclei</b>: cells above the top of the topmost xi = 1 layer whose centre is within the
 *       radius of (x, y, top) get xi = min(1, free fraction of their material) and the metal
 *       layer's c; their material is unchanged.
 * </ol>
 * The report gives, for every particle material and every grain-mixture material, whether its
 * cells percolate face to face from the bottom to the top plane of their layer ({@link Percolation}).
 * The result is deterministic for a given scenario (seeds included) and does not depend on
 * threads.
 */
public final class GeometryBuilder {
    private GeometryBuilder() {}

    public static InitialState build(Scenario scenario, Grid grid) {
        return new Builder(scenario, grid).build();
    }

    private static final class Builder {
        final Scenario s;
        final Grid g;
        final GeometrySpec geo;
        final byte[] ids;
        final double[] xi, c;
        final boolean[] particleCell;
        final double dx, W, D;
        final int[][] layerCells;
        final List<GeometryReport.LayerResult> layerResults = new ArrayList<>();
        final List<GeometryReport.ParticleResult> particleResults = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        Builder(Scenario s, Grid g) {
            if (g.nx != s.grid().nx() || g.ny != s.grid().ny() || g.nz != s.grid().nz() || g.dx_m != s.grid().spacing_m())
                throw new IllegalArgumentException("grid " + g + " does not match the scenario grid " + s.grid());
            this.s = s;
            this.g = g;
            this.geo = s.geometry();
            this.ids = new byte[g.paddedLength()];
            this.xi = g.newField();
            this.c = g.newField();
            this.particleCell = new boolean[g.paddedLength()];
            this.dx = g.dx_m;
            this.W = g.nx * dx;
            this.D = g.ny * dx;
            this.layerCells = new int[geo.layers().size()][];
            for (int l = 0; l < layerCells.length; l++) layerCells[l] = geo.layerCells(l, dx, g.nz);
        }

        ScenarioException error(String key, String msg) {
            return new ScenarioException(s.name(), key, -1, msg);
        }

        InitialState build() {
            interfaceResolution();
            temperature();
            layers();
            MicrostructureSpec micro = geo.microstructure();
            MicrostructureBuilder mb = new MicrostructureBuilder(s, g, layerCells, ids, xi, c, warnings);
            List<GeometryReport.GradientResult> gradients = new ArrayList<>();
            for (int i = 0; i < micro.gradients().size(); i++) gradients.add(mb.gradient(i));
            List<GeometryReport.MixtureResult> mixtures = new ArrayList<>();
            for (int i = 0; i < micro.grainMixtures().size(); i++) mixtures.add(mb.grainMixture(i));
            for (int p = 0; p < geo.particles().size(); p++) particles(p);
            List<GeometryReport.CoatingResult> coatings = new ArrayList<>();
            for (int i = 0; i < micro.coatings().size(); i++) coatings.add(mb.coating(i));
            List<GeometryReport.ImageResult> images = new ArrayList<>();
            for (int i = 0; i < micro.images().size(); i++) images.add(mb.image(i));
            for (int i = 0; i < geo.cracks().size(); i++) crack(i);
            mb.refuseClosedMetalSurfaces();
            for (int i = 0; i < geo.nuclei().size(); i++) nucleus(i);
            MaterialMap map = new MaterialMap(g, s.materialNames(), ids);
            return new InitialState(map, xi, c, new GeometryReport(layerResults, particleResults, warnings, connectivity(map), gradients, mixtures, coatings, images));
        }

        /**
         * Warns of an interface under two cells wide (the loader rejects one under a cell): its
         * profile still spans a cell, but the front feels the lattice (docs/MODEL.md section 10, item 1).
         */
        void interfaceResolution() {
            double w = s.model().interfaceWidth_m();
            if (w < 2 * dx * (1 - 1e-9))
                warnings.add(String.format(Locale.ROOT, "model.interface_width: %.4g um is less than 2 grid spacings of %.4g um: the front may be pinned to the lattice "
                        + "(its speed and the cell voltage then follow the grid), and semi-implicit steps lose the positive definiteness of their Allen-Cahn "
                        + "operator; 2 spacings or more are advised (docs/MODEL.md sections 5.3.2 and 10, item 1)", w * 1e6, dx * 1e6));
        }

        /** The temperature's warning (docs/MODEL.md section 1.3), where it has one. */
        void temperature() {
            String w = TemperatureCheck.warning(s);
            if (w != null) warnings.add(w);
        }

        /** Bottom-to-top connectivity of each particle material (and of the host of particles on grain boundaries), and each grain-mixture material, within its layer. */
        List<GeometryReport.ConnectivityResult> connectivity(MaterialMap map) {
            java.util.LinkedHashSet<String> pairs = new java.util.LinkedHashSet<>();
            for (ParticleSpec p : geo.particles()) {
                pairs.add(p.layer() + " " + p.material());
                if (p.arrangement() == ParticleSpec.Arrangement.GRAIN_BOUNDARIES) pairs.add(p.layer() + " " + geo.layers().get(p.layer()).material());
            }
            for (GrainMixtureSpec m : geo.microstructure().grainMixtures())
                for (String name : m.materials()) pairs.add(m.layer() + " " + name);
            List<GeometryReport.ConnectivityResult> out = new ArrayList<>();
            for (String pair : pairs) {
                int layer = Integer.parseInt(pair.substring(0, pair.indexOf(' ')));
                String name = pair.substring(pair.indexOf(' ') + 1);
                out.add(new GeometryReport.ConnectivityResult(layer, name, Percolation.of(map, layerCells[layer][0], layerCells[layer][1], s.materialId(name))));
            }
            return out;
        }

        void layers() {
            byte bg = (byte) s.materialId(geo.background());
            for (int k = 0; k < g.nz; k++) fillPlane(k, bg, 0, 1);
            for (int l = 0; l < layerCells.length; l++) {
                LayerSpec L = geo.layers().get(l);
                byte id = (byte) s.materialId(L.material());
                for (int k = layerCells[l][0]; k < layerCells[l][1]; k++) fillPlane(k, id, L.xi(), L.c());
                layerResults.add(new GeometryReport.LayerResult(l, L.material(), layerCells[l][0], layerCells[l][1]));
            }
        }

        void fillPlane(int k, byte id, double x0, double c0) {
            for (int j = 0; j < g.ny; j++) {
                int row = g.rowStart(j, k);
                Arrays.fill(ids, row, row + g.nx, id);
                Arrays.fill(xi, row, row + g.nx, x0);
                Arrays.fill(c, row, row + g.nx, c0);
            }
        }

        // ------------------------------------------------------------------- particles

        /** Placed particles per layer with a bucket grid for neighbour search. */
        final PlacedSet[] placed = new PlacedSet[64];

        PlacedSet placedIn(int layer) {
            if (placed[layer] == null) {
                double dMax = 0, gMax = 0;
                for (ParticleSpec p : geo.particles())
                    if (p.layer() == layer) {
                        dMax = Math.max(dMax, maxDiameter(p));
                        gMax = Math.max(gMax, p.minGap_m());
                    }
                double bucket = dMax + gMax; // >= r1 + r2 + max(gap1, gap2) of any pair
                int[] kk = layerCells[layer];
                placed[layer] = new PlacedSet(bucket, W, D, g.is3D(), kk[0] * dx, kk[1] * dx);
            }
            return placed[layer];
        }

        double maxDiameter(ParticleSpec p) {
            int[] kk = layerCells[p.layer()];
            double lateral = g.is3D() ? Math.min(W, D) : W;
            double cap = Math.min((kk[1] - kk[0]) * dx, lateral - p.minGap_m());
            if (p.isUniform()) return Math.min(cap, p.diameterMax_m());
            return p.diameterStd_m() > 0 ? Math.min(cap, p.meanDiameter_m() + 4 * p.diameterStd_m()) : Math.min(cap, p.meanDiameter_m());
        }

        void particles(int index) {
            ParticleSpec p = geo.particles().get(index);
            String key = "geometry.particles[" + index + "]";
            if (p.layer() >= placed.length) throw error(key + ".layer", "at most " + placed.length + " layers can hold particles");
            double target = s.particleVolumeFraction(index);
            if (p.arrangement() == ParticleSpec.Arrangement.GRAIN_BOUNDARIES) {
                grainBoundaryShell(index, p, target);
                return;
            }
            int[] kk = layerCells[p.layer()];
            double zLo = kk[0] * dx, zHi = kk[1] * dx;
            double dMax = maxDiameter(p);
            // a relative 1e-9 for the window's width on the grid, nx dx, which rounds below the width the loader accepted
            if (p.meanDiameter_m() > dMax * (1 + 1e-9))
                throw error(key + ".diameter", String.format(Locale.ROOT, "particles of diameter %.4g um do not fit in layer %d (%.4g um thick on the grid)",
                        p.meanDiameter_m() * 1e6, p.layer(), (zHi - zLo) * 1e6));
            double limit = g.is3D() ? ParticleSpec.MAX_PACKING_3D : ParticleSpec.MAX_PACKING_2D;
            double eff = target * Math.pow((p.meanDiameter_m() + p.minGap_m()) / p.meanDiameter_m(), g.dimensions);
            if (eff > limit)
                throw error(key, String.format(Locale.ROOT, "volume fraction %.3f is a packing fraction %.3f with min_gap, above the random-placement limit %.2f",
                        target, eff, limit));
            if (p.meanDiameter_m() < 2 * dx)
                warnings.add(String.format(Locale.ROOT, "%s: particle diameter %.4g um is less than 2 grid spacings (%.4g um): shapes are not resolved",
                        key, p.meanDiameter_m() * 1e6, dx * 1e6));
            long layerCellCount = (long) g.nx * g.ny * (kk[1] - kk[0]);
            long targetCells = Math.round(target * layerCellCount);
            double meanVolume = g.is3D() ? Math.PI / 6 * Math.pow(p.meanDiameter_m(), 3) : Math.PI / 4 * p.meanDiameter_m() * p.meanDiameter_m();
            double cellVolume = g.cellVolume_m3();
            double expected = Math.max(1, targetCells * cellVolume / meanVolume);
            long maxAttempts = 2000 + (long) (400 * expected);
            SplittableRandom rng = new SplittableRandom(p.seed());
            PlacedSet set = placedIn(p.layer());
            byte id = (byte) s.materialId(p.material());
            LayerSpec L = geo.layers().get(p.layer());
            double xi0 = Math.min(L.xi(), s.material(p.material()).freeFraction());
            long count = 0, attempts = 0;
            int n = 0;
            int[] cells = new int[16];
            while (count < targetCells && attempts < maxAttempts) {
                attempts++;
                double d = drawDiameter(rng, p, dMax);
                double r = d / 2;
                double x = rng.nextDouble() * W;
                double y = g.is3D() ? rng.nextDouble() * D : 0;
                double z = zLo + r + rng.nextDouble() * (zHi - zLo - d);
                if (set.overlaps(x, y, z, r, p.minGap_m())) continue;
                // cells covered (centres inside), not yet particle cells
                int m = 0;
                int i0 = (int) Math.ceil((x - r) / dx - 0.5), i1 = (int) Math.floor((x + r) / dx - 0.5);
                int j0 = g.is3D() ? (int) Math.ceil((y - r) / dx - 0.5) : 0, j1 = g.is3D() ? (int) Math.floor((y + r) / dx - 0.5) : 0;
                int k0 = Math.max(kk[0], (int) Math.ceil((z - r) / dx - 0.5)), k1 = Math.min(kk[1] - 1, (int) Math.floor((z + r) / dx - 0.5));
                for (int k = k0; k <= k1; k++) {
                    double dz = (k + 0.5) * dx - z;
                    for (int j = j0; j <= j1; j++) {
                        double dy = g.is3D() ? (j + 0.5) * dx - y : 0;
                        int jw = g.is3D() ? Math.floorMod(j, g.ny) : 0;
                        for (int i = i0; i <= i1; i++) {
                            double ddx = (i + 0.5) * dx - x;
                            if (ddx * ddx + dy * dy + dz * dz > r * r) continue;
                            int idx = g.index(Math.floorMod(i, g.nx), jw, k);
                            if (particleCell[idx]) continue;
                            if (m == cells.length) cells = Arrays.copyOf(cells, 2 * m);
                            cells[m++] = idx;
                        }
                    }
                }
                if (m == 0) continue;
                if (count + m > targetCells && count + m - targetCells > targetCells - count) continue;
                for (int q = 0; q < m; q++) {
                    int idx = cells[q];
                    particleCell[idx] = true;
                    ids[idx] = id;
                    xi[idx] = xi0;
                    c[idx] = L.c();
                }
                count += m;
                n++;
                set.add(x, y, z, r, p.minGap_m());
            }
            double achieved = (double) count / layerCellCount;
            if (count < targetCells && achieved < target - 0.01)
                throw error(key, String.format(Locale.ROOT, "could place only %d particles, a volume fraction of %.4f of the target %.4f, after %d attempts:"
                        + " the layer is too crowded; lower the fraction, the min_gap or the diameter spread", n, achieved, target, attempts));
            particleResults.add(new GeometryReport.ParticleResult(index, p.material(), p.layer(), target, achieved, n, attempts));
        }

        /**
         * Particles that coat the grains of the layer's host: the cells on either side of a face between two grains
         * of a Voronoi tessellation of the layer, widened by k cells on each side (2 + 2k cells, the most that stays
         * within the diameter, at least 2), so the shell is face-connected and spans the layer. The grain count is
         * the one whose shell comes closest to the target fraction (bisection: more grains, more boundary).
         */
        void grainBoundaryShell(int index, ParticleSpec p, double target) {
            String key = "geometry.particles[" + index + "]";
            int[] kk = layerCells[p.layer()];
            long layerCellCount = (long) g.nx * g.ny * (kk[1] - kk[0]);
            double volume = layerCellCount * g.cellVolume_m3();
            int widen = Math.max(0, (int) Math.floor((p.meanDiameter_m() / dx - 2) / 2));
            int lo = 1, hi = (int) Math.max(2, Math.min(layerCellCount, Math.ceil(volume / Math.pow(p.meanDiameter_m(), g.dimensions))));
            boolean[] shellLo = shell(p, kk, lo, volume, widen), shellHi = shell(p, kk, hi, volume, widen);
            long iterations = 2;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                boolean[] m = shell(p, kk, mid, volume, widen);
                iterations++;
                if (count(m) < target * layerCellCount) {
                    lo = mid;
                    shellLo = m;
                } else {
                    hi = mid;
                    shellHi = m;
                }
            }
            boolean pickHi = Math.abs(count(shellHi) - target * layerCellCount) <= Math.abs(count(shellLo) - target * layerCellCount);
            boolean[] shell = pickHi ? shellHi : shellLo;
            int grains = pickHi ? hi : lo;
            // one grain has no boundary: a target nearer none than the shell of the fewest grains would build nothing
            if (count(shell) == 0)
                throw error(key + (Double.isNaN(p.volumeFraction()) ? ".weight_fraction" : ".volume_fraction"), String.format(Locale.ROOT,
                        "the volume fraction %.4g is nearer none than the thinnest shell on the boundaries of this layer's grains (%.4f, on %d grains): "
                        + "no particle would be placed; raise the fraction, or give a thicker layer or a wider window", target,
                        (double) count(shellHi) / layerCellCount, hi));
            byte id = (byte) s.materialId(p.material());
            LayerSpec L = geo.layers().get(p.layer());
            double xi0 = Math.min(L.xi(), s.material(p.material()).freeFraction());
            int q = 0;
            for (int k = kk[0]; k < kk[1]; k++)
                for (int j = 0; j < g.ny; j++)
                    for (int i = 0; i < g.nx; i++, q++) {
                        if (!shell[q]) continue;
                        int idx = g.index(i, j, k);
                        particleCell[idx] = true;
                        ids[idx] = id;
                        xi[idx] = xi0;
                        c[idx] = L.c();
                    }
            particleResults.add(new GeometryReport.ParticleResult(index, p.material(), p.layer(), target, (double) count(shell) / layerCellCount, grains,
                    iterations, Math.pow(volume / grains, 1.0 / g.dimensions)));
        }

        /**
         * The shell of {@link #grainBoundaryShell} for {@code grains} grains, per cell of the layer ({@code ((k - k0) * ny + j) * nx + i}).
         * Every boundary between two grains is coated except the few that connect each grain to the bottom of the layer
         * ({@link #uncoatedContacts}): a host that conducts electrons must reach every grain (paper B's layers conduct).
         * In 2D, where two phases cannot both form a network across a layer, the coated boundaries then form a tree
         * (the complement of a spanning tree of a planar graph is a spanning tree of its dual) hanging from the top of
         * the layer, the side the ions come from. A cell on both a coated and an uncoated boundary (where they meet) is
         * coated in 2D, which keeps that tree connected, and left to the host in 3D, where the shell stays connected
         * around an open contact and a small contact would otherwise close; widening never enters a cell of an
         * uncoated contact.
         */
        private boolean[] shell(ParticleSpec p, int[] kk, int grains, double volume, int widen) {
            int nz = kk[1] - kk[0], plane = g.nx * g.ny;
            int[] grain = new VoronoiSeeds(g, kk[0] * dx, kk[1] * dx, grains, Math.pow(volume / grains, 1.0 / g.dimensions), new SplittableRandom(p.seed()))
                    .nearestForCells(kk[0], kk[1]);
            Set<Long> open = uncoatedContacts(grain, nz, grains, new SplittableRandom(p.seed() ^ 0x5DEECE66DL));
            boolean[] in = new boolean[grain.length], keep = new boolean[grain.length]; // keep: a cell of an uncoated contact
            for (int q = 0; q < grain.length; q++)
                for (int a : faceNeighboursUp(q, nz))
                    if (a >= 0 && grain[a] != grain[q]) {
                        boolean coated = !open.contains(contact(grain[q], grain[a]));
                        if (coated) in[q] = in[a] = true;
                        else keep[q] = keep[a] = true;
                    }
            if (g.is3D()) for (int q = 0; q < grain.length; q++) in[q] &= !keep[q];
            for (int w = 0; w < widen; w++) {
                boolean[] next = in.clone();
                for (int k = 0; k < nz; k++)
                    for (int j = 0; j < g.ny; j++)
                        for (int i = 0; i < g.nx; i++) {
                            int q = (k * g.ny + j) * g.nx + i;
                            if (!in[q]) continue;
                            next[(k * g.ny + j) * g.nx + (i + 1) % g.nx] = next[(k * g.ny + j) * g.nx + (i + g.nx - 1) % g.nx] = true;
                            if (g.is3D()) next[(k * g.ny + (j + 1) % g.ny) * g.nx + i] = next[(k * g.ny + (j + g.ny - 1) % g.ny) * g.nx + i] = true;
                            if (k + 1 < nz) next[q + plane] = true;
                            if (k > 0) next[q - plane] = true;
                        }
                for (int q = 0; q < grain.length; q++) next[q] = in[q] || next[q] && !keep[q];
                in = next;
            }
            return in;
        }

        /** The +x, +y and +z face neighbours of layer cell q (x, y periodic; -1 where there is none). */
        private int[] faceNeighboursUp(int q, int nz) {
            int i = q % g.nx, j = (q / g.nx) % g.ny, k = q / (g.nx * g.ny);
            return new int[] {(k * g.ny + j) * g.nx + (i + 1) % g.nx, g.is3D() ? (k * g.ny + (j + 1) % g.ny) * g.nx + i : -1,
                    k + 1 < nz ? q + g.nx * g.ny : -1};
        }

        private static long contact(int a, int b) {
            return ((long) Math.min(a, b) << 32) | Math.max(a, b);
        }

        /**
         * The grain contacts left uncoated: the fewest that connect every grain to the bottom of the layer (where the
         * host meets the layer below, the side the electrons come from), largest contacts first. Kruskal over a graph of
         * the grains and one node for the bottom (a grain's contact with it: its cells in the bottom plane), contacts by
         * their face count, ties in a seeded random order. Long contacts stay open where a coated boundary meets them; a
         * contact of a face or two would be closed at its ends. (The contacts with the bottom are in the set, but no
         * boundary lies there to coat.)
         */
        private Set<Long> uncoatedContacts(int[] grain, int nz, int grains, SplittableRandom rng) {
            Map<Long, Integer> faces = new TreeMap<>();
            for (int q = 0; q < grain.length; q++)
                for (int a : faceNeighboursUp(q, nz))
                    if (a >= 0 && grain[a] != grain[q]) faces.merge(contact(grain[q], grain[a]), 1, Integer::sum);
            int bottom = grains;
            for (int q = 0; q < g.nx * g.ny; q++) faces.merge(contact(grain[q], bottom), 1, Integer::sum);
            Long[] order = faces.keySet().toArray(new Long[0]);
            for (int n = order.length - 1; n > 0; n--) {
                int m = rng.nextInt(n + 1);
                Long t = order[n];
                order[n] = order[m];
                order[m] = t;
            }
            Arrays.sort(order, (x, y) -> Integer.compare(faces.get(y), faces.get(x))); // stable: ties keep the random order
            int[] parent = new int[grains + 1];
            for (int n = 0; n <= grains; n++) parent[n] = n;
            Set<Long> open = new HashSet<>();
            for (Long e : order) {
                int ra = Percolation.find(parent, (int) (e >>> 32)), rb = Percolation.find(parent, (int) (e & 0xffffffffL));
                if (ra == rb) continue;
                parent[ra] = rb;
                open.add(e);
            }
            return open;
        }

        private static long count(boolean[] m) {
            long n = 0;
            for (boolean b : m) if (b) n++;
            return n;
        }

        static double drawDiameter(SplittableRandom rng, ParticleSpec p, double dMax) {
            if (p.isUniform()) return p.diameterMin_m() + rng.nextDouble() * (Math.min(dMax, p.diameterMax_m()) - p.diameterMin_m());
            if (p.diameterStd_m() == 0) return Math.min(p.meanDiameter_m(), dMax);
            for (int t = 0; t < 1000; t++) {
                double d = p.meanDiameter_m() + p.diameterStd_m() * LateralRandomField.gaussian(rng);
                if (d > 0 && d <= dMax) return d;
            }
            return Math.min(p.meanDiameter_m(), dMax);
        }

        // ------------------------------------------------------------------- cracks, nuclei

        void crack(int index) {
            CrackSpec cr = geo.cracks().get(index);
            String key = "geometry.cracks[" + index + "]";
            int[] kk = layerCells[cr.layer()];
            byte id = (byte) s.materialId(cr.fill());
            double cc = Double.isNaN(cr.c()) ? geo.layers().get(cr.layer()).c() : cr.c();
            double hw = cr.width_m() / 2 * (1 + 1e-9), hl = cr.length_m() / 2 * (1 + 1e-9);
            boolean full = !g.is3D() || Double.isInfinite(cr.length_m());
            long marked = 0, changed = 0;
            for (int k = kk[0]; k < kk[1]; k++)
                for (int j = 0; j < g.ny; j++) {
                    if (!full && periodicDistance((j + 0.5) * dx, cr.y_m(), D) > hl) continue;
                    for (int i = 0; i < g.nx; i++) {
                        if (periodicDistance((i + 0.5) * dx, cr.x_m(), W) > hw) continue;
                        int idx = g.index(i, j, k);
                        if (ids[idx] != id || xi[idx] != 0 || c[idx] != cc) changed++;
                        ids[idx] = id;
                        xi[idx] = 0;
                        c[idx] = cc;
                        marked++;
                    }
                }
            if (marked == 0) throw error(key + ".width", "the crack covers no cell centre; widen it to at least the grid spacing");
            if (changed == 0)
                throw error(key + ".fill", "the crack's cells already are " + cr.fill() + " at xi = 0 and c = " + cc + ": it changes nothing in layer " + cr.layer()
                        + "; fill it with another material (an electrolyte, a coating's material) or give the layer it cuts");
        }

        void nucleus(int index) {
            NucleusSpec nu = geo.nuclei().get(index);
            String key = "geometry.nuclei[" + index + "]";
            int ml = geo.metalLayer();
            if (ml < 0) throw error(key, "nuclei sit on the topmost layer with xi = 1, and there is none");
            int kTop = layerCells[ml][1];
            double zTop = kTop * dx, r2 = nu.radius_m() * nu.radius_m() * (1 + 1e-9);
            double cm = geo.layers().get(ml).c();
            long marked = 0;
            for (int k = kTop; k < g.nz; k++) {
                double dz = (k + 0.5) * dx - zTop;
                if (dz * dz > r2) break;
                for (int j = 0; j < g.ny; j++) {
                    double dy = g.is3D() ? periodicDistance((j + 0.5) * dx, nu.y_m(), D) : 0;
                    for (int i = 0; i < g.nx; i++) {
                        double ddx = periodicDistance((i + 0.5) * dx, nu.x_m(), W);
                        if (ddx * ddx + dy * dy + dz * dz > r2) continue;
                        int idx = g.index(i, j, k);
                        MaterialSpec host = s.materials().get(ids[idx]);
                        xi[idx] = Math.min(1.0, host.freeFraction());
                        c[idx] = cm;
                        marked++;
                    }
                }
            }
            if (marked == 0) throw error(key + ".radius", "the nucleus covers no cell centre; make it larger than the grid spacing");
        }
    }

    /** Minimum-image distance between a and b on a periodic axis of length period. */
    static double periodicDistance(double a, double b, double period) {
        double d = Math.abs(a - b) % period;
        return Math.min(d, period - d);
    }

    /** Particles placed in one layer, bucketed for O(1) neighbour search; x, y periodic. */
    private static final class PlacedSet {
        final double W, D, zLo;
        final boolean is3D;
        final int nbx, nby, nbz;
        final double bx, by, bz;
        final int[][] buckets;
        final int[] bucketSize;
        double[] px = new double[64], py = new double[64], pz = new double[64], pr = new double[64], pg = new double[64];
        int n;

        PlacedSet(double bucket, double W, double D, boolean is3D, double zLo, double zHi) {
            this.W = W;
            this.D = D;
            this.is3D = is3D;
            this.zLo = zLo;
            double b = Math.max(bucket, 1e-300);
            nbx = (int) Math.max(1, Math.min(4096, Math.floor(W / b)));
            nby = is3D ? (int) Math.max(1, Math.min(4096, Math.floor(D / b))) : 1;
            nbz = (int) Math.max(1, Math.min(4096, Math.floor((zHi - zLo) / b)));
            long total = (long) nbx * nby * nbz;
            if (total > 50_000_000L) throw new IllegalStateException("too many placement buckets: " + total);
            bx = W / nbx;
            by = is3D ? D / nby : 1;
            bz = (zHi - zLo) / nbz;
            buckets = new int[(int) total][];
            bucketSize = new int[(int) total];
        }

        int bucketOf(int ix, int iy, int iz) {
            return (iz * nby + iy) * nbx + ix;
        }

        int ix(double x) {
            return Math.min(nbx - 1, Math.max(0, (int) (x / bx)));
        }

        int iy(double y) {
            return is3D ? Math.min(nby - 1, Math.max(0, (int) (y / by))) : 0;
        }

        int iz(double z) {
            return Math.min(nbz - 1, Math.max(0, (int) ((z - zLo) / bz)));
        }

        static int[] offsets(int nb) {
            return nb >= 3 ? new int[] {-1, 0, 1} : nb == 2 ? new int[] {0, 1} : new int[] {0};
        }

        boolean overlaps(double x, double y, double z, double r, double gap) {
            int cx = ix(x), cy = iy(y), cz = iz(z);
            for (int oz = -1; oz <= 1; oz++) {
                int bzI = cz + oz;
                if (bzI < 0 || bzI >= nbz) continue;
                for (int oy : offsets(nby)) {
                    int byI = Math.floorMod(cy + oy, nby);
                    for (int ox : offsets(nbx)) {
                        int bxI = Math.floorMod(cx + ox, nbx);
                        int b = bucketOf(bxI, byI, bzI);
                        int[] list = buckets[b];
                        for (int q = 0; q < bucketSize[b]; q++) {
                            int p = list[q];
                            double ddx = periodicDistance(x, px[p], W);
                            double ddy = is3D ? periodicDistance(y, py[p], D) : 0;
                            double ddz = z - pz[p];
                            double min = r + pr[p] + Math.max(gap, pg[p]);
                            if (ddx * ddx + ddy * ddy + ddz * ddz < min * min) return true;
                        }
                    }
                }
            }
            return false;
        }

        void add(double x, double y, double z, double r, double gap) {
            if (n == px.length) {
                int m = 2 * n;
                px = Arrays.copyOf(px, m);
                py = Arrays.copyOf(py, m);
                pz = Arrays.copyOf(pz, m);
                pr = Arrays.copyOf(pr, m);
                pg = Arrays.copyOf(pg, m);
            }
            px[n] = x;
            py[n] = y;
            pz[n] = z;
            pr[n] = r;
            pg[n] = gap;
            int b = bucketOf(ix(x), iy(y), iz(z));
            if (buckets[b] == null) buckets[b] = new int[4];
            else if (bucketSize[b] == buckets[b].length) buckets[b] = Arrays.copyOf(buckets[b], 2 * bucketSize[b]);
            buckets[b][bucketSize[b]++] = n;
            n++;
        }
    }
}
