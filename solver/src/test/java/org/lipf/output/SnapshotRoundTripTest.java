package org.lipf.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lipf.grid.Grid;

class SnapshotRoundTripTest {
    @TempDir
    Path dir;

    static void assertSameSnapshot(Snapshot a, Snapshot b) {
        assertEquals(a.step(), b.step());
        assertEquals(Double.doubleToRawLongBits(a.time_s()), Double.doubleToRawLongBits(b.time_s()));
        assertEquals(Double.doubleToRawLongBits(a.dx_m()), Double.doubleToRawLongBits(b.dx_m()));
        assertArrayEquals(a.shape(), b.shape());
        assertEquals(List.copyOf(a.fields().keySet()), List.copyOf(b.fields().keySet()));
        for (String f : a.fields().keySet()) {
            double[] x = a.field(f), y = b.field(f);
            assertEquals(x.length, y.length);
            for (int i = 0; i < x.length; i++) assertEquals(Double.doubleToRawLongBits(x[i]), Double.doubleToRawLongBits(y[i]), f + "[" + i + "]");
        }
        assertArrayEquals(a.material(), b.material());
        assertEquals(a.materialNames(), b.materialNames());
        assertEquals(Double.doubleToRawLongBits(a.appliedCurrent_A_per_m2()), Double.doubleToRawLongBits(b.appliedCurrent_A_per_m2()));
        assertEquals(Double.doubleToRawLongBits(a.cellVoltage_V()), Double.doubleToRawLongBits(b.cellVoltage_V()));
        assertEquals(a.extras(), b.extras());
    }

    @Test
    void twoDimensionalSnapshotReadsBackBitForBit() throws IOException {
        for (int level : new int[] {0, 1, 6}) {
            Snapshot s = SnapshotTestData.snapshot(100, 1.5e-3, 7, 5);
            Path file = new SnapshotWriter(level).write(dir.resolve("l" + level), s);
            assertEquals("step_00000100.h5", file.getFileName().toString());
            assertSameSnapshot(s, SnapshotReader.read(file));
        }
    }

    @Test
    void threeDimensionalSnapshotReadsBackBitForBit() throws IOException {
        for (int level : new int[] {0, 1}) {
            Snapshot s = SnapshotTestData.snapshot(12345678, 0.25, 9, 4, 6);
            Path file = new SnapshotWriter(level).write(dir.resolve("l" + level), s);
            assertSameSnapshot(s, SnapshotReader.read(file));
        }
    }

    @Test
    void chunkedSnapshotWithPartialLastChunkReadsBack() throws IOException {
        // 3000 x 50 doubles = 1.2 MB: chunks of 2621 planes, the last one partial
        Snapshot s = SnapshotTestData.snapshot(3, 1.0, 3000, 50);
        assertSameSnapshot(s, SnapshotReader.read(new SnapshotWriter(1).write(dir, s)));
    }

    @Test
    void gridInteriorRoundTripsThroughSnapshot() throws IOException {
        Grid g = new Grid(5, 3, 4, 1e-6);
        double[] xi = g.newField();
        for (int i = 0; i < xi.length; i++) xi[i] = i * 0.5;
        Snapshot base = SnapshotTestData.snapshot(1, 1e-3, g.snapshotShape());
        base.fields().put("xi", g.interior(xi));
        Snapshot back = SnapshotReader.read(new SnapshotWriter().write(dir, base));
        double[] restored = g.newField();
        g.setInterior(restored, back.field("xi"));
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) assertEquals(xi[g.index(i, j, k)], restored[g.index(i, j, k)]);
    }

    @Test
    void integerExtrasAreWidenedToLong() throws IOException {
        Snapshot s = SnapshotTestData.snapshot(5, 1.0, 2, 2);
        s.extras().put("rejected_steps", 7L);
        java.util.LinkedHashMap<String, Object> extras = new java.util.LinkedHashMap<>(s.extras());
        extras.put("iterations", 42);
        Snapshot t = new Snapshot(s.step(), s.time_s(), s.dx_m(), s.shape(), s.fields(), s.material(), s.materialNames(),
                s.appliedCurrent_A_per_m2(), s.cellVoltage_V(), extras);
        assertEquals(42L, t.extraLong("iterations"));
        assertEquals(42L, SnapshotReader.read(new SnapshotWriter().write(dir, t)).extraLong("iterations"));
    }

    @Test
    void rewritingAStepReplacesTheFile() throws IOException {
        Snapshot a = SnapshotTestData.snapshot(7, 1.0, 3, 3);
        Snapshot b = SnapshotTestData.snapshot(7, 2.0, 3, 3);
        new SnapshotWriter().write(dir, a);
        Path f = new SnapshotWriter().write(dir, b);
        assertEquals(2.0, SnapshotReader.read(f).time_s());
        assertEquals(List.of(f), SnapshotReader.list(dir));
    }

    @Test
    void crashDuringWriteLeavesNoSnapshotFile() throws IOException {
        Snapshot s = SnapshotTestData.snapshot(100, 1.0, 4, 4);
        assertThrows(IOException.class, () -> new SnapshotWriter().write(dir, s, f -> {
            throw new IOException("simulated crash");
        }));
        assertFalse(Files.exists(dir.resolve("step_00000100.h5")));
        assertEquals(List.of(), SnapshotReader.list(dir));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "temporary file of the failed write is removed");
        }
    }

    @Test
    void listIgnoresTemporaryFilesOfAKilledWriterAndSortsBySteps() throws IOException {
        SnapshotWriter w = new SnapshotWriter();
        Path f20 = w.write(dir, SnapshotTestData.snapshot(20, 2.0, 2, 2));
        Path f3 = w.write(dir, SnapshotTestData.snapshot(3, 0.3, 2, 2));
        Path f100 = w.write(dir, SnapshotTestData.snapshot(100, 10.0, 2, 2));
        Path stale = dir.resolve(".step_00000200.h5" + AtomicFiles.TMP_INFIX + "abc123");
        Files.write(stale, new byte[] {(byte) 0x89, 'H', 'D', 'F'});
        Files.writeString(dir.resolve("notes.txt"), "x");
        assertEquals(List.of(f3, f20, f100), SnapshotReader.list(dir));
        assertEquals(List.of(stale), AtomicFiles.deleteStaleTemporaries(dir));
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(dir.resolve("notes.txt")));
        assertEquals(List.of(), SnapshotReader.list(dir.resolve("absent")));
    }

    @Test
    void infoReadsAttributesWithoutData() throws IOException {
        Snapshot s = SnapshotTestData.snapshot(42, 4.2, 6, 2, 3);
        SnapshotInfo info = SnapshotReader.info(new SnapshotWriter().write(dir.resolve("snapshots"), s));
        assertEquals(SnapshotInfo.of(s), info);
        assertEquals("snapshots/step_00000042.h5", info.relativePath());
    }

    @Test
    void invalidSnapshotsAreRejected() {
        Snapshot s = SnapshotTestData.snapshot(1, 1.0, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> new Snapshot(1, 1, 1e-6, new int[] {3, 3}, s.fields(), s.material(), s.materialNames(), 0, 0, null));
        java.util.LinkedHashMap<String, Object> bad = new java.util.LinkedHashMap<>();
        bad.put("step", 3L);
        assertThrows(IllegalArgumentException.class, () -> new Snapshot(1, 1, 1e-6, s.shape(), s.fields(), s.material(), s.materialNames(), 0, 0, bad));
        byte[] m = s.material().clone();
        m[0] = 3;
        assertThrows(IllegalArgumentException.class, () -> new Snapshot(1, 1, 1e-6, s.shape(), s.fields(), m, s.materialNames(), 0, 0, null));
    }
}
