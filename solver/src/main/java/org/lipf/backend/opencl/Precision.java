package org.lipf.backend.opencl;

/** Floating-point type of the device fields: the kernels' {@code real}. */
public enum Precision {
    DOUBLE("double", 8),
    FLOAT("float", 4);

    /** The OpenCL C type name. */
    public final String typeName;
    public final int bytes;

    Precision(String typeName, int bytes) {
        this.typeName = typeName;
        this.bytes = bytes;
    }

    /** Parses "double" or "float" (a command-line value). */
    public static Precision parse(String s) {
        for (Precision p : values()) if (p.typeName.equalsIgnoreCase(s)) return p;
        throw new IllegalArgumentException("precision must be double or float, got '" + s + "'");
    }
}
