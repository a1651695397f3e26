package org.burgers.analysis.study;

import org.burgers.core.potential.Potential;
import org.burgers.simulation.dislocation.DislocationBuilder;
import org.burgers.simulation.dislocation.DislocationConfiguration;
import org.burgers.simulation.dislocation.DislocationSystem;
import org.burgers.simulation.elastic.ElasticConstants;

/**
 * The reference potential's relaxed lattice constant and relaxed-ion elastic constants in a system's crystal,
 * computed once, on first use (a resumed study whose relaxations are all cached never needs them), and the
 * CLE predictors of {@link DislocationBuilder} at those constants. Shared by {@link PredictorFactory} and
 * {@link LoopConfigurationFactory}.
 */
final class ReferenceElasticity {
    private final Potential reference;
    private final DislocationSystem crystal;
    private ElasticConstants constants;

    /** @param crystal the system whose crystal (lattice, species, a0 guess) the constants are computed in */
    ReferenceElasticity(Potential reference, DislocationSystem crystal) {
        this.reference = reference;
        this.crystal = crystal;
    }

    synchronized ElasticConstants constants() {
        if (constants == null) {
            constants = ElasticConstants.compute(reference, crystal.crystal(crystal.a0()), false);
        }
        return constants;
    }

    double a0() {
        return constants().a0();
    }

    DislocationConfiguration dipole(DislocationSystem system, double size) {
        ElasticConstants c = constants();
        return DislocationBuilder.dipole(system, c.a0(), c.c(), size);
    }

    DislocationConfiguration quadrupole(DislocationSystem system, double size) {
        ElasticConstants c = constants();
        return DislocationBuilder.quadrupole(system, c.a0(), c.c(), size);
    }
}
