package org.lipf.kernels.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.lipf.grid.Grid;
import org.lipf.grid.Parallel;
import org.lipf.model.FieldSet;
import org.junit.jupiter.api.Test;

/**
 * The merge of full dispersed metal into resolved metal (docs/MODEL.md section 3.6) decides every cell from the
 * fields as the step left them: a full cell joins only metal that was resolved before the call, so a column of
 * full cells above the metal joins it one cell per call, the same on any number of threads (a cell that read a
 * neighbour merged earlier in the same pass depended on the order the threads ran in).
 */
class DispersedMergeTest {
    private static final int NX = 4, NZ = 16, METAL_ROWS = 2;

    /** Resolved metal in the bottom rows; above it every cell's free volume full of dispersed metal. */
    private static FieldSet column(Grid g) {
        FieldSet f = new FieldSet(g, new byte[g.paddedLength()], false);
        for (int k = 0; k < NZ; k++)
            for (int i = 0; i < NX; i++) {
                int P = g.index(i, 0, k);
                if (k < METAL_ROWS) f.xi[P] = 1;
                else f.dispersed[P] = 1 - DispersedMerge.FULL_ROOM / 2;
            }
        return f;
    }

    @Test
    void fullCellsJoinTheMetalOneRowPerCallOnAnyThreadCount() {
        Grid g = Grid.of2D(NX, NZ, 1e-7);
        FieldSet serial = column(g), threaded = column(g);
        try (Parallel serialThreads = Parallel.serial(); Parallel fourThreads = new Parallel(4)) {
            mergeThreeTimes(g, serial, threaded, new DispersedMerge(g, serialThreads), new DispersedMerge(g, fourThreads));
        }
    }

    private static void mergeThreeTimes(Grid g, FieldSet serial, FieldSet threaded, DispersedMerge one, DispersedMerge four) {
        for (int call = 1; call <= 3; call++) {
            one.apply(serial);
            four.apply(threaded);
            for (int k = METAL_ROWS; k < NZ; k++) {
                int P = g.index(1, 0, k);
                boolean merged = k < METAL_ROWS + call;
                // the merge keeps the cell's volume xi + delta: exactly, as the fields hold it in doubles
                assertEquals(merged ? 1 - DispersedMerge.FULL_ROOM / 2 : 0, serial.xi[P], 0, "row " + k + " after call " + call);
                assertEquals(merged ? 0 : 1 - DispersedMerge.FULL_ROOM / 2, serial.dispersed[P], 0, "row " + k + " after call " + call);
            }
            assertArrayEquals(serial.xi, threaded.xi, "xi after call " + call);
            assertArrayEquals(serial.dispersed, threaded.dispersed, "dispersed after call " + call);
        }
    }
}
