package org.burgers.core.elasticity;

import org.burgers.core.InputException;
import org.burgers.core.basis.LinearBasis;
import org.burgers.core.structure.Structure;

/** The input checks every Cauchy-Born density makes of its unit cell, with the same messages. */
final class UnitCells {
    private UnitCells() {
    }

    static void requirePeriodic(Structure unitCell) {
        if (!unitCell.cell().fullyPeriodic()) {
            throw new InputException("the Cauchy-Born unit cell must be periodic along all three axes");
        }
    }

    static void requireAtoms(Structure unitCell) {
        if (unitCell.size() == 0) {
            throw new InputException("the Cauchy-Born unit cell has no atoms");
        }
    }

    /** Every atom's species is one the basis covers (the basis counterpart of Potential.checkSpecies). */
    static void requireCovered(LinearBasis basis, Structure unitCell) {
        for (int i = 0; i < unitCell.size(); i++) {
            if (!basis.species().contains(unitCell.element(i).symbol())) {
                throw new InputException("atom " + i + " is " + unitCell.element(i).symbol()
                        + ", which the basis does not cover");
            }
        }
    }
}
