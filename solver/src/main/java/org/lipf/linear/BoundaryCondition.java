package org.lipf.linear;

/**
 * Boundary condition at one vertical end (bottom {@code k = 0} or top {@code k = nz - 1}) of a
 * potential problem. The lateral axes are always periodic.
 *
 * <ul>
 *   <li>{@link Kind#DIRICHLET}: the potential {@code value_V} (V) is prescribed on the boundary
 *       face, half a cell from the adjacent cell centre (second-order accurate).
 *   <li>{@link Kind#NEUMANN}: zero normal flux; {@code value_V} is ignored (always 0).
 * </ul>
 *
 * @param kind the type of condition
 * @param value_V the boundary-face potential for DIRICHLET, 0 for NEUMANN
 */
public record BoundaryCondition(Kind kind, double value_V) {
    /** Type of a vertical boundary condition. */
    public enum Kind {
        DIRICHLET,
        NEUMANN
    }

    public BoundaryCondition {
        if (kind == null) throw new IllegalArgumentException("boundary condition kind must not be null");
        if (!Double.isFinite(value_V)) throw new IllegalArgumentException("boundary value must be finite: " + value_V);
        if (kind == Kind.NEUMANN && value_V != 0) throw new IllegalArgumentException("only zero-flux Neumann conditions are supported, got " + value_V);
    }

    public static BoundaryCondition dirichlet(double value_V) {
        return new BoundaryCondition(Kind.DIRICHLET, value_V);
    }

    public static BoundaryCondition zeroFlux() {
        return new BoundaryCondition(Kind.NEUMANN, 0.0);
    }

    public boolean isDirichlet() {
        return kind == Kind.DIRICHLET;
    }

    /**
     * Factor on beta/h^2 of the boundary face: 2 for Dirichlet (the boundary value sits half a cell
     * from the cell centre), 0 for zero flux.
     */
    double faceFactor() {
        return kind == Kind.DIRICHLET ? 2.0 : 0.0;
    }
}
