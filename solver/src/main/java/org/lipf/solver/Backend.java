package org.lipf.solver;

import org.lipf.kernels.cpu.HostFaces;

/**
 * The coarse operations of one time step (docs/MODEL.md section 5), carried out where the fields
 * live: the multithreaded CPU ({@link CpuBackend}) or an OpenCL device. {@link Simulation} owns
 * the step logic (retries, control, time bookkeeping) and calls only these operations, so every
 * backend runs the same algorithm. A backend reads and writes its own copy of the fields; the
 * host {@link org.lipf.model.FieldSet} is brought up to date by {@link #download()} and pushed to
 * the backend by {@link #upload()} (restart, relabelled materials). For the CPU both copy nothing:
 * its fields are the host's, and an upload only finds again what follows from the material ids.
 */
public interface Backend extends AutoCloseable {
    /** Short name for run.json and messages ("cpu", "opencl"). */
    String name();

    /** Copies the host fields (xi, c, phi_l, phi_s, rate, material) to the backend. */
    void upload();

    /** Copies the host's contact fractions (FieldSet.contactFraction, changed by voids) to the backend. */
    default void uploadContact() {
    }

    /** Copies xi, c, phi_l, phi_s and rate from the backend into the host fields. */
    void download();

    /** Copies the pending step (xiNext, cNext) into the host fields (for the message of a failed step). */
    void downloadNext();

    /** Fills the ghost layers of xi, c and the potentials. */
    void fillGhosts();

    /** Allen-Cahn rate and xiNext; returns whether xiNext left its bounds. */
    boolean allenCahn(double dt_s, long step);

    /**
     * The multiplier lambda of the last Allen-Cahn call, 1/s: lambda h'(xi) was added to every mobile
     * cell's rate so that capillarity conserves the metal volume (docs/MODEL.md section 3.1).
     */
    double volumeMultiplier_per_s();

    /** Largest reaction stiffness of the last Allen-Cahn call, 1/s. */
    double reactionStiffness_per_s();

    /** Galvanostatic correction of rate, xiNext and phi_s; returns the voltage shift, V. */
    double enforceCurrent(double target_A_per_m2, double dt_s);

    /** Whether xiNext lies outside its bounds (after a correction of the rates). */
    boolean xiOutOfBounds();

    /**
     * Semi-implicit Allen-Cahn (docs/MODEL.md section 5.3.2), after {@link #allenCahn} and the
     * control: filters the rates through the linearised capillary operator, keeping the metal volume
     * they deposit, and writes xiNext. Returns whether the step must be retried smaller (xiNext out of
     * bounds, or the filter amplified the rates).
     *
     * @throws org.lipf.linear.SolverDivergedException if the linear solve fails (the step is retried smaller)
     */
    boolean implicitAllenCahn(double dt_s);

    /** Largest |xi^(n+1) - xi^n| of the last {@link #implicitAllenCahn} call. */
    double lastXiChange();

    /** Rayleigh quotient (u, r) / (u, u) of the last {@link #implicitAllenCahn} call's filter ({@link FilterAmplification}). */
    double filterRayleighQuotient();

    /** PCG iterations of the semi-implicit Allen-Cahn and Nernst-Planck solves so far (0 without them). */
    long implicitIterations();

    /**
     * The longest step the next Allen-Cahn call may take, s: dispersed metal (docs/MODEL.md section 3.6) enters
     * the potentials and its update as its rate averaged over it. Nothing to do without dispersed metal (the
     * OpenCL backend refuses that form).
     */
    default void assumeStep(double dt_s) {
    }

    /**
     * Semi-implicit Nernst-Planck into cNext (implicit diffusion, explicit drift and sink); returns
     * whether cNext is not finite.
     *
     * @throws org.lipf.linear.SolverDivergedException if the linear solve fails
     */
    boolean implicitNernstPlanck(double dt_s);

    /** Nernst-Planck update into cNext; returns whether cNext left its bounds. */
    boolean nernstPlanck(double dt_s);

    /** Largest Nernst-Planck diagonal rate of the last call, 1/s. */
    double nernstPlanckRate_per_s();

    /** Makes xiNext and cNext current. */
    void swapNext();

    /** Conductivities and the reaction source of the potential equations from the current xi and rate. */
    void computeCoefficients();

    /** integral(f_free d xi/dt) dV / area, m/s (deterministic). */
    double growthVelocity_m_per_s();

    /**
     * Solves the potentials with the last coefficients, collector at {@code cellVoltage_V};
     * writes the PCG iterations and the counter-boundary current into the state.
     */
    void solvePotentials(double cellVoltage_V, SimulationState state);

    /**
     * Solves the potentials together with the reaction source at the current xi and c
     * ({@code solver: {reaction_coupling: implicit}}, docs/MODEL.md section 5.4.1), collector at
     * {@code cellVoltage_V}, or, where {@code target_A_per_m2} is a number, at the voltage that carries
     * that current; writes the iterations and the counter current into the state and returns the
     * collector voltage. Backends without it refuse such scenarios when they are created.
     */
    default double solvePotentialsWithReactions(double cellVoltage_V, double target_A_per_m2, SimulationState state) {
        throw new UnsupportedOperationException(name() + " backend: solver.reaction_coupling: implicit");
    }

    /**
     * After {@link #solvePotentialsWithReactions} under galvanostatic control, when the contact fractions changed
     * under the solved potentials (the voids, docs/MODEL.md section 4.3): shifts the potentials along the solve's
     * voltage response so that the linearised source carries {@code target_A_per_m2} again; returns the voltage
     * shift, V (section 5.4.1).
     */
    default double correctVoltageForCurrent(double target_A_per_m2) {
        throw new UnsupportedOperationException(name() + " backend: solver.reaction_coupling: implicit");
    }

    /**
     * The coupled solve's response of phi_l and phi_s to a unit change of the cell voltage (padded fields), the start
     * of its next galvanostatic solve (section 5.4.1); null where there is none yet. Snapshots keep it.
     */
    default double[][] voltageResponse() {
        return null;
    }

    /** Takes up a {@link #voltageResponse} saved in a snapshot (interior cells, C order). */
    default void restoreVoltageResponse(double[] interiorL, double[] interiorS) {
        throw new UnsupportedOperationException(name() + " backend: solver.reaction_coupling: implicit");
    }

    /**
     * The faces where hosts of dispersed metal meet ion conductors, which this backend's reaction lets react
     * (docs/MODEL.md section 3.6.1), found again by {@link #upload} from the material ids; null where none react. The
     * host's reaction terms read the same faces, so that a relabel finds them once.
     */
    default HostFaces hostFaces() {
        return null;
    }

    /** Li metal volume per unit lateral area, m (as {@link DepositMetrics#metalVolumePerArea_m}). */
    double metalVolumePerArea_m();

    /** Height of the highest metal front, m (as {@link DepositMetrics#frontHeight_m}). */
    double frontHeight_m();

    /** The short circuit of the current fields, or null. */
    ShortCircuitDetector.Short checkShort();

    @Override
    void close();
}
