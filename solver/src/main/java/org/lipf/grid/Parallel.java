package org.lipf.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fixed pool of worker threads that runs slab loops over the growth axis.
 *
 * <p>Work is split into slabs of whole z-planes. Reductions are deterministic: each
 * {@link #sumOverPlanes} call sums per plane, then adds the plane sums in plane order, so the
 * result is bit-identical for any thread count.
 */
public final class Parallel implements AutoCloseable {
    /** A loop body over the z-planes [k0, k1). */
    @FunctionalInterface
    public interface SlabBody {
        void run(int k0, int k1);
    }

    /** Computes the contribution of one z-plane to a sum. */
    @FunctionalInterface
    public interface PlaneSum {
        double sum(int k);
    }

    private final int threads;
    private final ExecutorService pool;

    public Parallel(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lipf-worker");
            t.setDaemon(true);
            return t;
        });
    }

    public static Parallel serial() {
        return new Parallel(1);
    }

    public int threads() {
        return threads;
    }

    /** Runs body over [0, n) split into at most {@code threads} contiguous slabs. */
    public void forSlabs(int n, SlabBody body) {
        if (pool == null || n < 2) {
            body.run(0, n);
            return;
        }
        int parts = Math.min(threads, n);
        List<Future<?>> futures = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int k0 = (int) ((long) n * p / parts), k1 = (int) ((long) n * (p + 1) / parts);
            futures.add(pool.submit(() -> body.run(k0, k1)));
        }
        join(futures);
    }

    /** Runs body on every interior cell index of g (slabs of planes in parallel). */
    public void forInteriorCells(Grid g, java.util.function.IntConsumer body) {
        forSlabs(g.nz, (k0, k1) -> {
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < g.ny; j++) {
                    final int s = g.rowStart(j, k);
                    for (int c = s; c < s + g.nx; c++) body.accept(c);
                }
        });
    }

    /** Deterministic sum over planes [0, n): plane sums are added in plane order. */
    public double sumOverPlanes(int n, double[] scratch, PlaneSum planeSum) {
        forSlabs(n, (k0, k1) -> {
            for (int k = k0; k < k1; k++) scratch[k] = planeSum.sum(k);
        });
        double s = 0;
        for (int k = 0; k < n; k++) s += scratch[k];
        return s;
    }

    /** Largest entry of per-plane results (the deterministic max reduction). */
    public static double maxOf(double[] planeValues) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : planeValues) m = Math.max(m, v);
        return m;
    }

    private static void join(List<Future<?>> futures) {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) throw re;
                if (c instanceof Error er) throw er;
                throw new IllegalStateException(c);
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
