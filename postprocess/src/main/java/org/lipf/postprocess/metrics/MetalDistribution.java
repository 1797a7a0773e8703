package org.lipf.postprocess.metrics;

import java.util.Objects;

/**
 * The Li metal of one snapshot: the order parameter xi and the material ids on a {@link CellBlock},
 * with f_free per material id. The local metal volume fraction is {@code m = f_free xi} (the
 * solver's measure of deposited volume, docs/MODEL.md section 7), and a cell counts as metal when
 * {@code m > 1/2} (the solver's short-circuit criterion, section 4).
 *
 * @param cells the array layout
 * @param xi order parameter per cell, compact C order
 * @param material material id per cell
 * @param freeFraction f_free per material id
 * @param faceLi the Li at host faces per cell, in cell volumes (solver docs/MODEL.md section 3.6.1), or null without it:
 *     it counts in the deposited volume and its shares, not as metal of the cell (a layer that pushes the cell's
 *     material away, not a front grown into it)
 */
public record MetalDistribution(CellBlock cells, double[] xi, byte[] material, double[] freeFraction, double[] faceLi) {
    public MetalDistribution {
        Objects.requireNonNull(cells, "cells");
        if (xi.length != cells.cellCount() || material.length != cells.cellCount())
            throw new IllegalArgumentException("xi and material need " + cells.cellCount() + " values, got " + xi.length + " and " + material.length);
        if (faceLi != null && faceLi.length != cells.cellCount())
            throw new IllegalArgumentException("faceLi needs " + cells.cellCount() + " values, got " + faceLi.length);
    }

    /** Without Li at host faces. */
    public MetalDistribution(CellBlock cells, double[] xi, byte[] material, double[] freeFraction) {
        this(cells, xi, material, freeFraction, null);
    }

    /** The Li volume of cell P in cell volumes: its metal fraction and the Li at host faces it holds. */
    public double liVolume(int P) {
        return faceLi == null ? metalFraction(P) : metalFraction(P) + faceLi[P];
    }

    /** The metal volume fraction f_free xi of cell P. */
    public double metalFraction(int P) {
        return freeFraction[material[P]] * xi[P];
    }

    /** Whether cell P counts as metal (f_free xi &gt; 1/2). */
    public boolean isMetal(int P) {
        return metalFraction(P) > 0.5;
    }
}
