package org.lipf.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** Bytes the JVM's live threads have allocated so far, for the bench's check of its SIMD loops. */
final class JvmAllocation {
    private JvmAllocation() {}

    /** Sum over the live threads of the bytes each allocated; 0 where the JVM does not count them. */
    static long allThreads_bytes() {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!(threads instanceof com.sun.management.ThreadMXBean counting) || !counting.isThreadAllocatedMemorySupported()
                || !counting.isThreadAllocatedMemoryEnabled()) return 0;
        long total = 0;
        for (long bytes : counting.getThreadAllocatedBytes(threads.getAllThreadIds())) if (bytes > 0) total += bytes;
        return total;
    }
}
