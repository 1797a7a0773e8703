package org.lipf.solver;

/** A time step that kept producing NaN or out-of-bound values after every retry with a smaller step. */
public class NumericalInstabilityException extends RuntimeException {
    public final long step;
    public final String field;
    /** The padded index of the offending cell (the message gives its (i, j, k)), or -1. */
    public final int cell;

    public NumericalInstabilityException(long step, String field, int cell, String detail) {
        super(String.format("numerical instability at step %d in field %s: %s", step, field, detail));
        this.step = step;
        this.field = field;
        this.cell = cell;
    }
}
