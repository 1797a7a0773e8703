package org.lipf.backend.opencl;

import java.util.List;
import org.jocl.cl_mem;
import org.lipf.grid.Grid;

/**
 * One multigrid level on the device: its geometry, its face conductivities and transmissibilities
 * and, for the operator of an implicit step, its diagonal term per cell (as {@code linear.Level}).
 */
final class DeviceLevel {
    final Grid g;
    final int cells, groups;
    final cl_mem bx, by, bz, tx, ty, tz, invDiagSq;
    /** The diagonal term alpha per cell, or null for the pure diffusion operator. */
    final cl_mem shift;

    DeviceLevel(OpenClContext ctx, Grid g, boolean withShift, List<cl_mem> owned) {
        this.g = g;
        this.cells = g.cellCount();
        this.groups = (cells + OpenClBackend.WG - 1) / OpenClBackend.WG;
        long n = g.paddedLength();
        bx = field(ctx, n, owned);
        by = g.is3D() ? field(ctx, n, owned) : bx; // never read in 2D
        bz = field(ctx, n, owned);
        tx = field(ctx, n, owned);
        ty = g.is3D() ? field(ctx, n, owned) : tx;
        tz = field(ctx, n, owned);
        invDiagSq = field(ctx, n, owned);
        shift = withShift ? field(ctx, n, owned) : null;
    }

    /** Sets the diagonal-term arguments (buffer, flag) of a potentials.cl kernel at {@code at}: a stand-in buffer and 0 without one. */
    Kernel shift(Kernel k, int at) {
        return k.arg(at, shift != null ? shift : invDiagSq).arg(at + 1, shift != null ? 1 : 0);
    }

    static cl_mem field(OpenClContext ctx, long n, List<cl_mem> owned) {
        cl_mem m = ctx.reals(n);
        ctx.zero(m, n);
        owned.add(m);
        return m;
    }

    /** Sets the GEOM arguments (nx, ny, nz, gy) of a potentials.cl kernel from index {@code at}. */
    Kernel geom(Kernel k, int at) {
        return k.arg(at, g.nx).arg(at + 1, g.ny).arg(at + 2, g.nz).arg(at + 3, g.is3D() ? 1 : 0);
    }
}
