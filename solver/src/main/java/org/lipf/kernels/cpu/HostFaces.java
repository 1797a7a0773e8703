package org.lipf.kernels.cpu;

import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.FieldSet;
import org.lipf.model.MaterialTable;

/**
 * The faces where a host of dispersed metal meets an ion conductor, and the Li that collects there
 * (docs/MODEL.md section 3.6.1). A host cell is one whose material nucleates (it conducts electrons and
 * ions); an ion conductor is a material that does not nucleate, conducts ions and that the metal may grow into
 * (f_free = 1, an electrolyte): across such a face Li+ meets the host's electrons directly. Frozen conductors
 * (f_free = 0, particles) are left out: with the faces of SC-nano's LLZTO network reacting, its coupled potential
 * solve failed to converge at the first stripping (docs/MODEL.md section 10.4, session 26). The Li those faces deposit beyond the
 * host's pores (the host yields to it) lies between host and conductor: it is kept in the conductor's
 * cell, {@link FieldSet#faceLi}, in cell volumes (it may exceed 1: a layer thicker than a cell that
 * pushes the conductor away, below the grid).
 *
 * <p>The update records, per host cell, the volume its faces deposited and the fraction of its share of
 * the faces' Li it oxidised ({@link #record}); {@link #collect} then gathers both into the conductor
 * cells after the step is accepted. A conductor cell that faces several host cells gives each the same
 * share of its Li to oxidise, so no cell is overdrawn and the gather needs no lock. The faces follow the
 * material ids as relabels change them during the run ({@link #update}).
 */
public final class HostFaces {
    private final Grid g;
    /** Per material id: whether it hosts dispersed metal, whether it carries Li+ to a host's face. */
    private final boolean[] isHost, isConductor;
    private final Parallel parallel;
    /** Per host cell: its faces against an ion conductor (0 elsewhere). */
    private final byte[] open;
    /** Per ion-conductor cell: its faces against host cells (0 elsewhere). */
    private final byte[] hosts;
    /** Per host cell, this step: Li deposited at its faces beyond its pores, cell volumes. */
    private final double[] deposited;
    /** Per host cell, this step: the fraction of its share of its faces' Li that it oxidised. */
    private final double[] oxidised;

    public HostFaces(Grid grid, MaterialTable table, byte[] material, Parallel parallel) {
        this.g = grid;
        this.isHost = new boolean[table.size()];
        this.isConductor = new boolean[table.size()];
        for (int m = 0; m < table.size(); m++) {
            isHost[m] = host(table, m);
            isConductor[m] = ionConductor(table, m);
        }
        this.parallel = parallel;
        this.open = new byte[grid.paddedLength()];
        this.hosts = new byte[grid.paddedLength()];
        this.deposited = new double[grid.paddedLength()];
        this.oxidised = new double[grid.paddedLength()];
        update(material);
    }

    /**
     * Finds the reacting faces again from the material ids, after a relabel changed them during the run (the
     * electrolyte following the stripping metal, an interphase: docs/MODEL.md sections 3.5, 3.7), so that they are
     * the faces a fresh start (a restart) on the relabelled map finds. Call it between steps, after {@link #collect}:
     * the records are empty then, and the faces' Li stays where it lies, in {@link FieldSet#faceLi}, shared by the
     * conductor cell's faces as they are now (a conductor cell left without any keeps its Li, counted and no longer
     * oxidised, as at a cell that turned resolved metal). Each cell counts its own faces, so the slabs write
     * disjoint cells. The whole grid is recounted, only in a step that relabelled: 3 ms for 480000 cells on two
     * threads (1.2 ms for 96 x 48 x 48), a few per cent of such a step, once (the backend's upload: the host's reaction
     * terms read the same faces).
     */
    public void update(byte[] material) {
        parallel.forSlabs(g.nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < g.ny; j++) {
                    final int row = g.rowStart(j, k), last = row + g.nx - 1;
                    // the lateral axes are periodic; the ends of the vertical one have no neighbour
                    final int back = g.rowStart((j + g.ny - 1) % g.ny, k) - row, front = g.rowStart((j + 1) % g.ny, k) - row;
                    for (int P = row; P <= last; P++) {
                        final boolean host = isHost[material[P]], conductor = isConductor[material[P]];
                        if (!host && !conductor) {
                            open[P] = hosts[P] = 0;
                            continue;
                        }
                        // the kind of cell across a reacting face
                        final boolean[] across = host ? isConductor : isHost;
                        int faces = count(across, material[P == last ? row : P + 1]) + count(across, material[P == row ? last : P - 1]);
                        if (k > 0) faces += count(across, material[P - g.strideZ]);
                        if (k < g.nz - 1) faces += count(across, material[P + g.strideZ]);
                        if (g.is3D()) faces += count(across, material[P + back]) + count(across, material[P + front]);
                        open[P] = (byte) (host ? faces : 0);
                        hosts[P] = (byte) (conductor ? faces : 0);
                    }
                }
        });
    }

    private static int count(boolean[] kind, byte m) {
        return kind[m] ? 1 : 0;
    }

    /** Whether material m hosts dispersed metal (it nucleates: docs/MODEL.md section 3.1). */
    static boolean host(MaterialTable table, int m) {
        return table.nucleationActivity[m] > 0;
    }

    /** Whether material m carries Li+ to a host's face: it conducts ions, does not nucleate and the metal may grow into it. */
    static boolean ionConductor(MaterialTable table, int m) {
        return table.nucleationActivity[m] == 0 && table.sigmaIon_S_per_m[m] > 0 && table.freeFraction[m] == 1;
    }

    /** Whether the grid has any host face. */
    public boolean any() {
        for (int P = 0; P < open.length; P++)
            if (open[P] != 0) return true;
        return false;
    }

    /** The faces of cell P against an ion conductor (0 unless P is a host cell). */
    public int open(int P) {
        return open[P];
    }

    /** The Li at cell P's faces that P may oxidise, cell volumes: its share of each neighbouring conductor cell's. */
    public double available(double[] faceLi, int P) {
        final int[] neighbours = new int[6];
        g.faceNeighbours(P, neighbours);
        double sum = 0;
        for (int Q : neighbours)
            if (Q >= 0 && hosts[Q] > 0) sum += faceLi[Q] / hosts[Q];
        return sum;
    }

    /**
     * What host cell P's faces did over the step: {@code depositedVolume} cell volumes of Li laid at them
     * (shared equally among them), and the fraction {@code oxidisedFraction} of its share of their Li oxidised.
     */
    public void record(int P, double depositedVolume, double oxidisedFraction) {
        deposited[P] = depositedVolume;
        oxidised[P] = oxidisedFraction;
    }

    /** Forgets the records: before a step, so that a cell the step skips moves no Li. */
    public void clear() {
        java.util.Arrays.fill(deposited, 0);
        java.util.Arrays.fill(oxidised, 0);
    }

    /** Adds the accepted step's records to the faces' Li, f.faceLi (each conductor cell gathers from its host neighbours). */
    public void collect(FieldSet f) {
        final double[] faceLi = f.faceLi;
        parallel.forSlabs(g.nz, (k0, k1) -> {
            final int[] neighbours = new int[6];
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < g.ny; j++)
                    for (int i = 0; i < g.nx; i++) {
                        final int Q = g.index(i, j, k);
                        if (hosts[Q] == 0) continue;
                        double kept = 1, added = 0;
                        g.faceNeighbours(Q, neighbours);
                        for (int P : neighbours) {
                            if (P < 0 || open[P] == 0) continue;
                            kept -= oxidised[P] / hosts[Q];
                            added += deposited[P] / open[P];
                        }
                        faceLi[Q] = Math.max(0, kept) * faceLi[Q] + added;
                    }
        });
        clear();
    }
}
