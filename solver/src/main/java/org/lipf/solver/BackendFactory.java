package org.lipf.solver;

import org.lipf.grid.Parallel;
import org.lipf.model.FieldSet;
import org.lipf.scenario.Scenario;

/** Creates the backend of a simulation for its scenario and host fields (material ghosts already filled). */
@FunctionalInterface
public interface BackendFactory {
    /** The multithreaded CPU backend. */
    BackendFactory CPU = CpuBackend::new;

    Backend create(Scenario scenario, FieldSet fields, Parallel parallel);
}
