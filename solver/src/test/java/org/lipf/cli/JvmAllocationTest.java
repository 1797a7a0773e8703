package org.lipf.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bench's allocation count sees an allocation of the calling thread (the JVMs LiPF runs on count them). */
class JvmAllocationTest {
    private static volatile Object sink;

    @Test
    void anArrayOfEightMegabytesIsCounted() {
        final long before = JvmAllocation.allThreads_bytes();
        sink = new double[1 << 20];
        final long counted = JvmAllocation.allThreads_bytes() - before;
        assertTrue(counted >= 8L << 20, "counted " + counted + " bytes for an 8 MiB array");
        assertTrue(counted < 64L << 20, "counted " + counted + " bytes: eight times the array");
    }
}
