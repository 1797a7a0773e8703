package org.lipf.output;

import java.util.LinkedHashMap;
import java.util.List;

/** Deterministic snapshots for the output tests. */
final class SnapshotTestData {
    private SnapshotTestData() {
    }

    static Snapshot snapshot(long step, double time_s, int... shape) {
        int n = 1;
        for (int s : shape) n *= s;
        LinkedHashMap<String, double[]> fields = new LinkedHashMap<>();
        int seed = 1;
        for (String name : Snapshot.FIELD_UNITS.keySet()) {
            double[] f = new double[n];
            for (int i = 0; i < n; i++) f[i] = Math.sin(0.37 * i + seed) * Math.pow(10, seed - 3) + 1.0 / 3.0;
            f[0] = Double.MIN_VALUE;
            if (n > 1) f[1] = -0.0;
            seed++;
            fields.put(name, f);
        }
        byte[] material = new byte[n];
        for (int i = 0; i < n; i++) material[i] = (byte) (i % 3);
        LinkedHashMap<String, Object> extras = new LinkedHashMap<>();
        extras.put("dt_s", 1.234567890123e-7);
        extras.put("rng_state", 0x9E3779B97F4A7C15L);
        extras.put("model_form", "chen2015");
        return new Snapshot(step, time_s, 2.5e-7, shape, fields, material, List.of("electrolyte", "li_metal", "separator"),
                -10.0 / 3.0, -0.123456789, extras);
    }
}
