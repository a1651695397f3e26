package org.burgers.analysis.study;

import java.util.List;
import org.burgers.core.stencil.Stencil;
import org.burgers.simulation.dislocation.DislocationConfiguration;

/**
 * The dislocation stage of a study: the periodic CLE predictors (paper section 3.1) of the training cells of
 * size L and of the simulation configuration, both in units of r0. The reference relaxation and every fitted
 * model's relaxation start from the same predictor. Bound in {@link StudyModule}; the default is
 * {@link PredictorFactory} (one dipole per L, the quadrupole of size N for every L); the loop study of
 * section 4.3 uses {@link LoopConfigurationFactory} (screw and edge dipoles per L, a loop of diameter L in
 * the cell N).
 */
public interface ConfigurationFactory {

    DislocationConfiguration dipole(double size);

    DislocationConfiguration quadrupole(double size);

    /** Lattice constant of the predictors (A), the reference potential's. */
    double a0();

    /** The training cells of size L; the training and test samples are split evenly between them. */
    default List<DislocationConfiguration> trainingCells(double size) {
        return List.of(dipole(size));
    }

    /** Whether the simulation configuration depends on the training size L (then it is relaxed once per L). */
    default boolean simulationFollowsTrainingSize() {
        return false;
    }

    /** The simulation configuration of the cell N for training size L: by default the quadrupole of size N. */
    default DislocationConfiguration simulation(double simulationSize, double trainingSize) {
        return quadrupole(simulationSize);
    }

    /** The stencil of the geometry error over the simulation configuration's reference lattice sites. */
    default Stencil stencil(DislocationConfiguration simulation) {
        return DislocationErrors.stencil(simulation);
    }
}
