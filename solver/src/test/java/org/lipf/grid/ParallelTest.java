package org.lipf.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The worker team: every plane once per loop, results visible to the caller, failures passed on, no deadlock. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ParallelTest {
    /** Many short loops back to back (as a multigrid cycle runs them), of every size around the thread count. */
    @Test
    void everyPlaneIsVisitedOncePerLoopAndItsWritesAreSeen() {
        try (Parallel par = new Parallel(3)) {
            for (int loop = 0; loop < 20000; loop++) {
                final int n = loop % 7, stamp = loop;
                int[] seen = new int[n];
                AtomicIntegerArray visits = new AtomicIntegerArray(Math.max(n, 1));
                par.forSlabs(n, (k0, k1) -> {
                    for (int k = k0; k < k1; k++) {
                        visits.incrementAndGet(k);
                        seen[k] = stamp; // a plain write: the caller must see it after the loop
                    }
                });
                for (int k = 0; k < n; k++) {
                    assertEquals(1, visits.get(k), "loop " + loop + " plane " + k);
                    assertEquals(stamp, seen[k], "loop " + loop + " plane " + k);
                }
            }
        }
    }

    /** Chunks taken in turn: every plane once, in chunks of the given length (the last shorter), for every size. */
    @Test
    void chunksCoverEveryPlaneOnce() {
        try (Parallel par = new Parallel(3)) {
            for (int loop = 0; loop < 5000; loop++) {
                final int n = loop % 23, chunk = 1 + loop % 5;
                AtomicIntegerArray visits = new AtomicIntegerArray(Math.max(n, 1));
                par.forChunks(n, chunk, (k0, k1) -> {
                    assertEquals(0, k0 % chunk, "a chunk starts at a multiple of its length");
                    assertEquals(Math.min(n, k0 + chunk), k1, "a chunk is whole, or the last");
                    for (int k = k0; k < k1; k++) visits.incrementAndGet(k);
                });
                for (int k = 0; k < n; k++) assertEquals(1, visits.get(k), "n " + n + ", chunk " + chunk + ", plane " + k);
            }
        }
    }

    /** Sums are the same bits with any team, after the workers have slept between loops. */
    @Test
    void sumsAreBitIdenticalAfterTheWorkersSlept() throws InterruptedException {
        double[] scratch = new double[1001];
        Parallel.PlaneSum term = k -> Math.sin(k) / (k + 1.0);
        double serial;
        try (Parallel one = Parallel.serial()) {
            serial = one.sumOverPlanes(1001, scratch, term);
        }
        try (Parallel four = new Parallel(4)) {
            assertEquals(serial, four.sumOverPlanes(1001, scratch, term));
            Thread.sleep(20); // far beyond the spin: the workers park and must be woken
            assertEquals(serial, four.sumOverPlanes(1001, scratch, term));
        }
    }

    @Test
    void aFailingSlabFailsTheLoopWithItsOwnException() {
        try (Parallel par = new Parallel(2)) {
            IllegalStateException inWorker = new IllegalStateException("worker slab");
            assertSame(inWorker, assertThrows(IllegalStateException.class, () -> par.forSlabs(10, (k0, k1) -> {
                if (k0 > 0) throw inWorker;
            })));
            IllegalArgumentException inCaller = new IllegalArgumentException("caller slab");
            assertSame(inCaller, assertThrows(IllegalArgumentException.class, () -> par.forSlabs(10, (k0, k1) -> {
                if (k0 == 0) throw inCaller;
            })));
            // the team still works afterwards
            checkTheLowestFailingSlabsExceptionComesBack();
            int[] planes = new int[10];
            par.forSlabs(10, (k0, k1) -> {
                for (int k = k0; k < k1; k++) planes[k] = k;
            });
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, planes);
        }
    }

    /**
     * Where several worker slabs fail (bad cells in several of them), the loop fails with the lowest slab's
     * exception, the one a serial loop meets first, whichever worker failed first (an error message then names
     * the same cell on any thread count).
     */
    private static void checkTheLowestFailingSlabsExceptionComesBack() {
        try (Parallel par = new Parallel(4)) {
            for (int rep = 0; rep < 2000; rep++) {
                IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> par.forSlabs(8, (k0, k1) -> {
                    if (k0 > 0) throw new IllegalArgumentException("slab from plane " + k0);
                }));
                assertEquals("slab from plane 2", thrown.getMessage(), "repetition " + rep);
            }
        }
    }

    @Test
    void aClosedTeamRunsItsLoopsSerially() {
        Parallel par = new Parallel(2);
        par.close();
        int[] planes = new int[5];
        par.forSlabs(5, (k0, k1) -> {
            for (int k = k0; k < k1; k++) planes[k] = k + 1;
        });
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, planes);
    }

    /** A loop inside a loop, and loops from two threads at once, run (serially where the team is busy) without deadlock. */
    @Test
    void nestedAndConcurrentLoopsComplete() throws Exception {
        try (Parallel par = new Parallel(2)) {
            AtomicIntegerArray visits = new AtomicIntegerArray(64);
            par.forSlabs(8, (k0, k1) -> {
                for (int k = k0; k < k1; k++) {
                    final int outer = k;
                    par.forSlabs(8, (j0, j1) -> {
                        for (int j = j0; j < j1; j++) visits.incrementAndGet(8 * outer + j);
                    });
                }
            });
            for (int i = 0; i < 64; i++) assertEquals(1, visits.get(i));

            ExecutorService callers = Executors.newFixedThreadPool(2);
            try {
                double[][] scratch = {new double[500], new double[500]};
                Future<?>[] runs = new Future<?>[2];
                for (int t = 0; t < 2; t++) {
                    final double[] mine = scratch[t];
                    runs[t] = callers.submit(() -> {
                        for (int loop = 0; loop < 2000; loop++) assertEquals(500.0, par.sumOverPlanes(500, mine, k -> 1.0));
                    });
                }
                for (Future<?> run : runs) run.get();
            } finally {
                callers.shutdownNow();
            }
        }
    }
}
