package org.burgers.simulation;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.burgers.simulation.relax.Relaxer;
import org.burgers.simulation.relax.RelaxMethod;

/**
 * Guice bindings of the simulation module: {@link Relaxer} is the preconditioned L-BFGS by default (or the
 * method given to the constructor), and every method is available as a {@code Map<RelaxMethod, Relaxer>}.
 */
public final class SimulationModule extends AbstractModule {
    private final RelaxMethod defaultMethod;

    public SimulationModule() {
        this(RelaxMethod.PRECON_LBFGS);
    }

    public SimulationModule(RelaxMethod defaultMethod) {
        this.defaultMethod = defaultMethod;
    }

    @Override
    protected void configure() {
        bind(Relaxer.class).toInstance(defaultMethod.create());
        MapBinder<RelaxMethod, Relaxer> all = MapBinder.newMapBinder(binder(), RelaxMethod.class, Relaxer.class);
        for (RelaxMethod m : RelaxMethod.values()) {
            all.addBinding(m).toInstance(m.create());
        }
    }
}
