package org.lipf.solver;

import org.lipf.model.LeakageFilledPore;
import org.lipf.model.LiFilledCrack;

/** The scalars that, with the fields, define a run's state exactly (all saved in snapshots). */
public final class SimulationState {
    public double time_s;
    public long step;
    /** Step the next advance will try, s. */
    public double nextStep_s;
    public double lastStep_s;
    /** Collector potential (cell voltage against the counter boundary), V. */
    public double cellVoltage_V;
    /** Integral of the current over time, C/m^2 (counter-boundary current in the mixed form). */
    public double passedCharge_C_per_m2;
    /** Metal volume per area at t = 0, m. */
    public double initialMetalVolume_m;
    public double reactionCurrent_A_per_m2;
    public double counterCurrent_A_per_m2;
    public long rejectedSteps;
    /** The leading Li-filled crack in a brittle electrolyte (docs/MODEL.md section 4.2). */
    public final LiFilledCrack.State crack = new LiFilledCrack.State();
    /** The leading pore that the electrolyte's electronic leakage fills with Li (docs/MODEL.md section 4.2.1). */
    public final LeakageFilledPore.State pore = new LeakageFilledPore.State();
    /**
     * Where the leading pore lies: the lateral column (j nx + i) of the contact it began to fill at, and its
     * electrolyte's material; -1 before any.
     */
    public int poreColumn = -1, poreMaterial = -1;
    /** Whether the crack grew from a pore the leakage filled (its short's cause says so). */
    public boolean crackFromPore;
    /**
     * Void volume per area at the metal's surface in each lateral column (j * nx + i), m (docs/MODEL.md
     * section 4.3); null where the scenario's metal forms no voids.
     */
    public double[] voidVolume_m;
    /**
     * The largest intrusion ratio after any step of the run (docs/MODEL.md section 4.2) and the smallest contact
     * fraction of the metal surface (section 4.3), kept step by step because the time-series rows, ten per output
     * interval, miss a transient between them; results.json reports these. NaN where unknown: a run continued
     * from a snapshot written before they were kept (its results.json falls back to the rows).
     */
    public double peakIntrusionRatio = 0, minContactFraction = 1;
    public int lastIterations;
    /** PCG iterations of the last step's semi-implicit Allen-Cahn and Nernst-Planck solves, retried attempts included. */
    public long lastImplicitIterations;
}
