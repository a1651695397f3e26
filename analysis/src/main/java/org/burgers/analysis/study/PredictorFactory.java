package org.burgers.analysis.study;

import org.burgers.core.InputException;
import org.burgers.core.potential.Potential;
import org.burgers.simulation.dislocation.DislocationBuilder;
import org.burgers.simulation.dislocation.DislocationConfiguration;
import org.burgers.simulation.dislocation.DislocationSystem;

/**
 * Predictors of {@link DislocationBuilder} at the reference potential's relaxed lattice constant and with
 * its elastic constants (so the predictor is the CLE field of the reference crystal). The constants are
 * computed once, on first use. The loop study of section 4.3 uses {@link LoopConfigurationFactory}
 * instead (bound by {@link StudyModule} for w-loop); asking this factory for w-loop fails with a message.
 */
public final class PredictorFactory implements ConfigurationFactory {
    private final DislocationSystem system;
    private final ReferenceElasticity elasticity;

    public PredictorFactory(DislocationSystem system, Potential reference) {
        this.system = system;
        this.elasticity = new ReferenceElasticity(reference, system);
    }

    public DislocationSystem system() {
        return system;
    }

    private ReferenceElasticity elasticity() {
        if (system.name().equals("w-loop")) {
            throw new InputException("system w-loop has no dipole or quadrupole of its own: its study uses "
                    + "LoopConfigurationFactory (screw and edge dipoles of size L, a loop of diameter L in the cell N)");
        }
        return elasticity;
    }

    @Override
    public double a0() {
        return elasticity().a0();
    }

    @Override
    public DislocationConfiguration dipole(double size) {
        return elasticity().dipole(system, size);
    }

    @Override
    public DislocationConfiguration quadrupole(double size) {
        return elasticity().quadrupole(system, size);
    }
}
