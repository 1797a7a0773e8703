package org.lipf.grid;

/**
 * The initial structure built from a scenario: material ids, and the initial {@code xi} and
 * {@code c} as padded {@link Grid} fields (ghost cells zero; boundary conditions fill them).
 */
public record InitialState(MaterialMap materials, double[] xi, double[] c, GeometryReport report) {}
