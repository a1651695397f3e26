package org.burgers.analysis.study;

import org.burgers.core.InputException;
import org.burgers.core.potential.Potential;
import org.burgers.simulation.dislocation.DislocationBuilder;
import org.burgers.simulation.dislocation.DislocationConfiguration;
import org.burgers.simulation.dislocation.DislocationSystem;
import org.burgers.simulation.elastic.ElasticConstants;

/**
 * Predictors of {@link DislocationBuilder} at the reference potential's relaxed lattice constant and with
 * its elastic constants (so the predictor is the CLE field of the reference crystal). The constants are
 * computed once, on first use. The loop study of section 4.3 uses {@link LoopConfigurationFactory}
 * instead (bound by {@link StudyModule} for w-loop); asking this factory for w-loop fails with a message.
 */
public final class PredictorFactory implements ConfigurationFactory {
    private final DislocationSystem system;
    private final Potential reference;
    private ElasticConstants constants;

    public PredictorFactory(DislocationSystem system, Potential reference) {
        this.system = system;
        this.reference = reference;
    }

    public DislocationSystem system() {
        return system;
    }

    private synchronized ElasticConstants constants() {
        if (constants == null) {
            if (system.name().equals("w-loop")) {
                throw new InputException("system w-loop has no dipole or quadrupole of its own: its study uses "
                        + "LoopConfigurationFactory (screw and edge dipoles of size L, a loop of diameter L in the cell N)");
            }
            constants = ElasticConstants.compute(reference, system.crystal(system.a0()), false);
        }
        return constants;
    }

    @Override
    public double a0() {
        return constants().a0();
    }

    @Override
    public DislocationConfiguration dipole(double size) {
        ElasticConstants c = constants();
        return DislocationBuilder.dipole(system, c.a0(), c.c(), size);
    }

    @Override
    public DislocationConfiguration quadrupole(double size) {
        ElasticConstants c = constants();
        return DislocationBuilder.quadrupole(system, c.a0(), c.c(), size);
    }
}
