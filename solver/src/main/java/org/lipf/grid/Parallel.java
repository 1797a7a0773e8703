package org.lipf.grid;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of worker threads that runs slab loops over the growth axis.
 *
 * <p>Work is split into slabs of whole z-planes. Reductions are deterministic: each
 * {@link #sumOverPlanes} call sums per plane, then adds the plane sums in plane order, so the
 * result is bit-identical for any thread count.
 *
 * <p>The solvers dispatch thousands of short loops per step (a multigrid cycle alone runs about a
 * hundred, many of them tens of microseconds long), so a dispatch must cost less than a loop: the
 * calling thread runs the first slab itself, and the workers wait for the next loop spinning (pausing,
 * then yielding the processor) for {@link #SPIN_NS} before they sleep (as OpenMP runtimes do). Handing
 * every loop to a thread pool and blocking the caller made a step with two threads 2.5 times slower than
 * with one (each loop paid for waking the sleeping workers and the caller).
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

    /**
     * How long an idle worker (and the caller waiting for the workers) spins (pausing, then yielding) before it
     * sleeps, ns: longer than the serial stretches between loops inside a solve (the coarse multigrid levels).
     */
    static final long SPIN_NS = 200_000;
    /**
     * How long of that a waiting thread only pauses, ns; after it, it yields the processor between looks. Spinning alone
     * made a run on a machine that another busy process shares 2.2-2.5 times slower (a spinning thread held the core that
     * the thread it waited for needed; docs/PERFORMANCE.md); yielding costs next to nothing on an idle core.
     */
    static final long PAUSE_NS = 20_000;

    private final int threads;
    private final Worker[] workers;
    /** Whether the workers may spin: not when there are more threads than processors. */
    private final boolean spin;
    /** Set while a loop runs: a loop started inside another (or from a second thread) runs serially. */
    private final AtomicBoolean inUse = new AtomicBoolean();
    private volatile Loop current;
    private volatile boolean closed;

    public Parallel(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.spin = threads <= Runtime.getRuntime().availableProcessors();
        this.workers = new Worker[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker(w + 1);
            workers[w].thread.start();
        }
    }

    public static Parallel serial() {
        return new Parallel(1);
    }

    public int threads() {
        return threads;
    }

    /** Runs body over [0, n) split into at most {@code threads} contiguous slabs. */
    public void forSlabs(int n, SlabBody body) {
        // a closed team has no workers left: its loops run serially
        if (workers.length == 0 || n < 2 || closed || !inUse.compareAndSet(false, true)) {
            body.run(0, n);
            return;
        }
        try {
            Loop loop = new Loop(body, n, Math.min(threads, n));
            current = loop;
            for (int w = 0; w < loop.parts - 1; w++) workers[w].wake();
            try {
                loop.runSlab(0);
            } finally {
                loop.awaitWorkers(spin);
            }
            loop.rethrowFailure();
        } finally {
            inUse.set(false);
        }
    }

    /**
     * Runs body over [0, n) in chunks of {@code chunk} planes, which the threads take one after another: for
     * loops whose work is uneven across the planes (an interface in a few of them). Which thread runs which
     * chunk varies: the body must give the same results whichever does.
     */
    public void forChunks(int n, int chunk, SlabBody body) {
        final int chunks = (n + chunk - 1) / chunk;
        final AtomicInteger next = new AtomicInteger();
        forSlabs(Math.min(threads, chunks), (t0, t1) -> {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) body.run(c * chunk, Math.min(n, (c + 1) * chunk));
        });
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

    @Override
    public void close() {
        closed = true;
        for (Worker w : workers) LockSupport.unpark(w.thread);
    }

    /** One look of a spinning wait begun at start (System.nanoTime()): false once the wait should sleep instead. */
    private static boolean spunOnce(long start) {
        final long waited = System.nanoTime() - start;
        if (waited >= SPIN_NS) return false;
        if (waited < PAUSE_NS) Thread.onSpinWait();
        else Thread.yield();
        return true;
    }

    /** One loop handed to the team: immutable, so a worker sees either all of it or none. */
    private static final class Loop {
        final SlabBody body;
        final int n, parts;
        /** Worker slabs not yet done. */
        final AtomicInteger pending;
        /** Each worker slab's failure: the lowest slab's is rethrown, the one a serial loop would meet first. */
        final AtomicReferenceArray<Throwable> failures;
        final Thread caller = Thread.currentThread();
        volatile boolean callerAsleep;

        Loop(SlabBody body, int n, int parts) {
            this.body = body;
            this.n = n;
            this.parts = parts;
            this.pending = new AtomicInteger(parts - 1);
            this.failures = new AtomicReferenceArray<>(parts);
        }

        void runSlab(int part) {
            body.run((int) ((long) n * part / parts), (int) ((long) n * (part + 1) / parts));
        }

        /** A worker's share: its slab, then a wake-up for the caller if it was the last and the caller sleeps. */
        void runByWorker(int part) {
            try {
                runSlab(part);
            } catch (Throwable t) {
                failures.set(part, t);
            }
            if (pending.decrementAndGet() == 0 && callerAsleep) LockSupport.unpark(caller);
        }

        void awaitWorkers(boolean spin) {
            long start = System.nanoTime();
            while (pending.get() != 0) {
                if (spin && spunOnce(start)) continue;
                callerAsleep = true;
                if (pending.get() != 0) LockSupport.park(this);
            }
        }

        void rethrowFailure() {
            Throwable t = null;
            for (int part = 1; part < parts && t == null; part++) t = failures.get(part);
            if (t == null) return;
            if (t instanceof RuntimeException re) throw re;
            if (t instanceof Error er) throw er;
            throw new IllegalStateException(t);
        }
    }

    /** A worker thread: runs slab {@code part} of every loop that has that many slabs. */
    private final class Worker implements Runnable {
        final int part;
        final Thread thread;
        volatile boolean asleep;

        Worker(int part) {
            this.part = part;
            this.thread = new Thread(this, "lipf-worker-" + part);
            thread.setDaemon(true);
        }

        void wake() {
            if (asleep) LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            Loop done = null;
            while (true) {
                Loop loop = awaitNext(done);
                if (loop == null) return;
                done = loop;
                if (part < loop.parts) loop.runByWorker(part);
            }
        }

        /** The next loop after {@code done}, or null once the team is closed. */
        private Loop awaitNext(Loop done) {
            long start = System.nanoTime();
            while (true) {
                Loop loop = current;
                if (loop != done) return loop;
                if (closed) return null;
                if (spin && spunOnce(start)) continue;
                // the caller publishes the loop, then wakes sleepers: set the flag, look again, sleep
                asleep = true;
                if (current == done && !closed) LockSupport.park(this);
                asleep = false;
            }
        }
    }
}
