package org.burgers.simulation.elastic;

import java.util.function.Function;
import org.burgers.core.potential.Potential;
import org.burgers.core.structure.Structure;
import org.burgers.simulation.lattice.Crystal;

/** Public door to {@link StrainedCells} for the LAMMPS tests in another package. */
public final class StrainedCellsAccess {
    private StrainedCellsAccess() {
    }

    public static double[][] elasticConstants(Potential p, Crystal crystal, int n, double h,
                                              Function<Structure, double[]> virial) {
        return StrainedCells.elasticConstants(p, crystal, n, h, virial);
    }
}
