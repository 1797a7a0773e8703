package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The bench's allocation count sees what any live thread allocates, and its test for boxed vectors. */
class JvmAllocationTest {
    private static volatile Object sink;

    @Test
    void anArrayAllocatedByAnotherLiveThreadIsCounted() throws InterruptedException {
        final CountDownLatch allocated = new CountDownLatch(1), measured = new CountDownLatch(1);
        final Thread other = new Thread(() -> {
            sink = new double[1 << 20];
            allocated.countDown();
            try {
                measured.await(); // alive while counted
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        final long before = JvmAllocation.allThreads_bytes();
        other.start();
        allocated.await();
        final long counted = JvmAllocation.allThreads_bytes() - before;
        measured.countDown();
        other.join();
        assertTrue(counted >= 8L << 20, "counted " + counted + " bytes for an 8 MiB array");
        assertTrue(counted < 64L << 20, "counted " + counted + " bytes: eight times the array");
    }

    /** Slow runs as measured (2D 512^2: 7 MB a step; 3D 96^3: 110 MB) warn; healthy ones (1.5 kB, 1 MB without tiering) do not. */
    @Test
    void boxedVectorsAreToldFromTheUpdatesOwnAllocations() {
        assertTrue(BenchCommand.vectorsBoxed(6.95e6, 512 * 512));
        assertTrue(BenchCommand.vectorsBoxed(1.1e8, 96 * 96 * 96));
        assertFalse(BenchCommand.vectorsBoxed(1.5e3, 512 * 512));
        assertFalse(BenchCommand.vectorsBoxed(1.0e6, 96 * 96 * 96));
        assertFalse(BenchCommand.vectorsBoxed(1.5e3, 16 * 16), "a small grid's fixed allocations");
    }
}
