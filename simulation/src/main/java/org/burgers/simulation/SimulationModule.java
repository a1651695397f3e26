package org.burgers.simulation;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.burgers.simulation.relax.Relaxer;
import org.burgers.simulation.relax.RelaxMethod;

/**
 * Guice bindings of the simulation module: {@link Relaxer} is plain L-BFGS by default (or the method given
 * to the constructor), and every method is available as a {@code Map<RelaxMethod, Relaxer>}. Plain L-BFGS
 * is the default because it was the faster one measured (docs/simulation.md): the preconditioned one saves
 * force calls on long-wavelength problems but its solves cost about one cheap EAM force call each, and on
 * the 25,000-atom W screw quadrupole it needed more force calls.
 */
public final class SimulationModule extends AbstractModule {
    private final RelaxMethod defaultMethod;

    public SimulationModule() {
        this(RelaxMethod.LBFGS);
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
