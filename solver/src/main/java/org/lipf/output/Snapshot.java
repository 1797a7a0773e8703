package org.lipf.output;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The full state of a run at one output step: what one HDF5 snapshot file holds, and all that a
 * restart needs.
 *
 * <p>Arrays are compact C order: {@code [z][x]} in 2D ({@code shape = {nz, nx}}) and
 * {@code [z][y][x]} in 3D ({@code shape = {nz, ny, nx}}), x fastest, as produced by
 * {@code Grid.interior(field)}. The record does not copy the arrays: do not change them until the
 * snapshot is written.
 *
 * @param step time-step index
 * @param time_s simulated time (s)
 * @param dx_m grid spacing (m)
 * @param shape array shape in C order, 2 or 3 entries
 * @param fields field name to compact values; names and units in {@link #FIELD_UNITS}
 * @param material per-cell material id (index into {@code materialNames}), compact C order
 * @param materialNames material names, index = id
 * @param appliedCurrent_A_per_m2 applied current density (A/m^2)
 * @param cellVoltage_V cell voltage (V)
 * @param extras further scalar attributes, each a {@link Double}, {@link Long} or {@link String}
 *     (Integer, Short, Byte and Float are widened; the record holds a copy of this map)
 *     (e.g. {@code dt_s}, an RNG state); stored as HDF5 float64, int64 and string and read back
 *     exactly
 */
public record Snapshot(
        long step,
        double time_s,
        double dx_m,
        int[] shape,
        LinkedHashMap<String, double[]> fields,
        byte[] material,
        List<String> materialNames,
        double appliedCurrent_A_per_m2,
        double cellVoltage_V,
        LinkedHashMap<String, Object> extras) {

    /**
     * The coupled solve's response of the potentials to the cell voltage (docs/MODEL.md section 5.4.1), kept so that a
     * restart starts its next solve where the run did (bit for bit); solver state, left out of fields.xdmf.
     */
    public static final String VOLTAGE_RESPONSE_L = "voltage_response_l", VOLTAGE_RESPONSE_S = "voltage_response_s";

    /** Field names, in output order, with the units written as the dataset attribute {@code units}. */
    public static final Map<String, String> FIELD_UNITS;

    static {
        LinkedHashMap<String, String> u = new LinkedHashMap<>();
        u.put("xi", "1");
        u.put("c", "1");
        u.put("phi_l", "V");
        u.put("phi_s", "V");
        u.put("dispersed_li", "1"); // fraction of the free volume (docs/MODEL.md section 3.6)
        u.put("face_li", "1"); // cell volumes of Li at host faces (section 3.6.1)
        u.put("rate", "1/s"); // d xi/dt of the step that led here: how the front moves
        u.put("reaction_rate", "1/s"); // its electrochemical part at the snapshot's fields: where the reaction deposits Li
        u.put("void_volume_m", "m"); // void volume per area at the metal surface of each column (docs/MODEL.md section 4.3)
        u.put("film_resistance_ohm_m2", "ohm m^2"); // area resistance of the film on the metal of each column (section 1.2), NaN: blocks the ions
        u.put(VOLTAGE_RESPONSE_L, "1"); // d phi_l / d V of the coupled solve (section 5.4.1): solver state, not a physical field
        u.put(VOLTAGE_RESPONSE_S, "1");
        FIELD_UNITS = Collections.unmodifiableMap(u);
    }

    /** Datasets that hold solver state rather than physical fields: not offered to viewers. */
    public static final Set<String> SOLVER_STATE_FIELDS = Set.of(VOLTAGE_RESPONSE_L, VOLTAGE_RESPONSE_S);

    /** Root attribute names written by {@link SnapshotWriter}; extras may not use them. */
    public static final Set<String> RESERVED_ATTRIBUTES = Set.of(
            "format", "time_s", "step", "dx_m", "shape", "applied_current_A_per_m2", "cell_voltage_V");

    /** Name of the material-id dataset. */
    public static final String MATERIAL_DATASET = "material";

    public Snapshot {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(materialNames, "materialNames");
        extras = normaliseExtras(extras);
        if (step < 0) throw new IllegalArgumentException("step must be >= 0: " + step);
        if (!(dx_m > 0)) throw new IllegalArgumentException("dx_m must be > 0: " + dx_m);
        if (shape.length != 2 && shape.length != 3) throw new IllegalArgumentException("shape must have 2 or 3 entries: " + Arrays.toString(shape));
        long n = 1;
        for (int s : shape) {
            if (s < 1) throw new IllegalArgumentException("shape entries must be >= 1: " + Arrays.toString(shape));
            n *= s;
        }
        if (fields.isEmpty()) throw new IllegalArgumentException("no fields");
        for (Map.Entry<String, double[]> e : fields.entrySet()) {
            if (!FIELD_UNITS.containsKey(e.getKey())) throw new IllegalArgumentException("unknown field '" + e.getKey() + "'; known: " + FIELD_UNITS.keySet());
            if (e.getValue().length != n) throw new IllegalArgumentException("field " + e.getKey() + " has " + e.getValue().length + " values, shape " + Arrays.toString(shape) + " needs " + n);
        }
        if (material.length != n) throw new IllegalArgumentException("material has " + material.length + " values, shape needs " + n);
        if (materialNames.isEmpty()) throw new IllegalArgumentException("no material names");
        for (String m : materialNames) {
            if (m == null || m.isEmpty()) throw new IllegalArgumentException("material names must be non-empty");
        }
        for (int i = 0; i < material.length; i++) {
            if (material[i] < 0 || material[i] >= materialNames.size()) throw new IllegalArgumentException("material id " + material[i] + " at cell " + i + " has no name (" + materialNames.size() + " names)");
        }
        for (Map.Entry<String, Object> e : extras.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            if (RESERVED_ATTRIBUTES.contains(k)) throw new IllegalArgumentException("extra attribute '" + k + "' clashes with a reserved name");
            if (k.isEmpty() || k.contains("/") || k.contains(".")) throw new IllegalArgumentException("bad extra attribute name '" + k + "'");
            if (!(v instanceof Double || v instanceof Long || v instanceof String)) throw new IllegalArgumentException("extra attribute '" + k + "' must be a Double, Long or String, not " + (v == null ? "null" : v.getClass().getSimpleName()));
        }
    }

    /** A copy with Integer/Short/Byte widened to Long and Float to Double (what the file gives back). */
    private static LinkedHashMap<String, Object> normaliseExtras(Map<String, Object> extras) {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        if (extras == null) return out;
        for (Map.Entry<String, Object> e : extras.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Integer || v instanceof Short || v instanceof Byte) v = ((Number) v).longValue();
            else if (v instanceof Float f) v = f.doubleValue();
            out.put(e.getKey(), v);
        }
        return out;
    }

    public int dimensions() {
        return shape.length;
    }

    public int cellCount() {
        int n = 1;
        for (int s : shape) n *= s;
        return n;
    }

    /** The compact values of a field; throws if absent. */
    public double[] field(String name) {
        double[] f = fields.get(name);
        if (f == null) throw new IllegalArgumentException("snapshot at step " + step + " has no field '" + name + "'");
        return f;
    }

    public double extraDouble(String key) {
        return (Double) requireExtra(key);
    }

    /** The extra attribute {@code key}, or {@code fallback} where the snapshot has none (written by an older version). */
    public double extraDoubleOr(String key, double fallback) {
        Object v = extras.get(key);
        return v == null ? fallback : (Double) v;
    }

    public long extraLong(String key) {
        return (Long) requireExtra(key);
    }

    public String extraString(String key) {
        return (String) requireExtra(key);
    }

    private Object requireExtra(String key) {
        Object v = extras.get(key);
        if (v == null) throw new IllegalArgumentException("snapshot at step " + step + " has no attribute '" + key + "'");
        return v;
    }

    @Override
    public String toString() {
        return "Snapshot[step=" + step + ", time_s=" + time_s + ", shape=" + Arrays.toString(shape) + ", fields=" + fields.keySet() + ", extras=" + extras + "]";
    }
}
