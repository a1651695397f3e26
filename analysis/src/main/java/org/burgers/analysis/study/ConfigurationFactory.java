package org.burgers.analysis.study;

import org.burgers.simulation.dislocation.DislocationConfiguration;

/**
 * The dislocation stage of a study: the periodic CLE predictors (paper section 3.1) of the dipole training
 * cell of size L and of the quadrupole simulation cell of size N, both in units of r0. The reference
 * relaxation and every fitted model's relaxation start from the same predictor. Bound in
 * {@link StudyModule}; the default is {@link PredictorFactory}.
 */
public interface ConfigurationFactory {

    DislocationConfiguration dipole(double size);

    DislocationConfiguration quadrupole(double size);

    /** Lattice constant of the predictors (A), the reference potential's. */
    double a0();
}
