package org.lipf.backend.opencl;

import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * Second stage of the deterministic reductions: the kernels write one partial result per
 * work-group and quantity into {@link #partial}; {@link #reduce} adds (or maximises) them on the
 * device in a fixed order and copies back one value per quantity.
 */
final class Reducer {
    final cl_mem partial;
    private final cl_mem results;
    private final Kernel finish;
    private final OpenClContext ctx;
    private final double[] values = new double[ROWS];
    /** Quantities the partial buffer holds per work-group. */
    static final int ROWS = 4;

    /** Room for {@link #ROWS} quantities of {@code maxGroups} partial results each. */
    Reducer(OpenClContext ctx, cl_program program, int maxGroups, java.util.List<cl_mem> owned) {
        this.ctx = ctx;
        this.partial = ctx.reals((long) ROWS * maxGroups);
        this.results = ctx.reals(ROWS);
        owned.add(partial);
        owned.add(results);
        this.finish = new Kernel(ctx, program, "finishReduction", OpenClBackend.WG);
    }

    /** Reduces {@code quantities} rows of {@code groups} partial results; the values are valid until the next call. */
    double[] reduce(int quantities, int groups, boolean max) {
        return reduce(0, quantities, groups, max);
    }

    /** Reduces rows {@code first .. first + quantities - 1}; value q of the result belongs to row first + q. */
    double[] reduce(int first, int quantities, int groups, boolean max) {
        finish.arg(0, partial).arg(1, groups).arg(2, results).arg(3, max ? 1 : 0).arg(4, first).run((long) quantities * OpenClBackend.WG);
        ctx.read(results, values, quantities);
        return values;
    }

    /** The sum of one row of partial results. */
    double sum(int groups) {
        return reduce(1, groups, false)[0];
    }

    void release() {
        finish.release();
    }
}
