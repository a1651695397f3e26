package org.burgers.fitting;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import org.burgers.fitting.solve.Solver;
import org.burgers.fitting.solve.SolverConfig;

/** Guice bindings of the fitting stage: the {@link Solver} named by the experiment's solver configuration. */
public final class FittingModule extends AbstractModule {
    private final SolverConfig solver;

    public FittingModule(SolverConfig solver) {
        this.solver = solver;
    }

    @Provides
    SolverConfig solverConfig() {
        return solver;
    }

    @Provides
    Solver solver(SolverConfig config) {
        return config.create();
    }
}
