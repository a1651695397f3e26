package org.burgers.simulation.relax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.burgers.core.InputException;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.MorseTestPotential;
import org.burgers.simulation.lattice.Crystal;
import org.burgers.simulation.lattice.Orientation;
import org.burgers.simulation.lattice.Supercell;
import org.burgers.simulation.training.RattledSet;
import org.junit.jupiter.api.Test;

class MoveMaskTest {

    private static final MorseTestPotential CU = new MorseTestPotential(0.3429, 1.3588, 2.866, 6.0);

    /** A rattled copper cell with atom 0 fixed entirely and the z of atom 5 fixed. */
    private static Structure masked() {
        Structure s = RattledSet.rattle(Supercell.build(Crystal.of("fcc", 3.61, "Cu"), Orientation.CUBE, 3, 3, 3)
                .structure(), 0.15, 7, 0);
        boolean[] fixed = new boolean[3 * s.size()];
        fixed[0] = fixed[1] = fixed[2] = true;
        fixed[3 * 5 + 2] = true;
        return s.withArray(MoveMask.ARRAY, MoveMask.array(fixed));
    }

    @Test
    void everyRelaxerKeepsFixedCoordinatesAndConvergesTheOthers() {
        Structure start = masked();
        for (Relaxer r : List.of(new LbfgsRelaxer(10, false), LbfgsRelaxer.preconditioned(), new FireRelaxer())) {
            RelaxResult res = r.relax(start, CU, RelaxOptions.of(1e-4));
            assertTrue(res.converged(), r.name() + ": " + res.message());
            double[] x0 = start.positions(), x = res.structure().positions();
            for (int k : new int[] {0, 1, 2, 17}) {
                assertEquals(x0[k], x[k], 0.0, r.name() + " moved fixed coordinate " + k);
            }
            // the free coordinates did move, and the fixed ones carry a reaction force above fmax
            assertTrue(Math.abs(x[3] - x0[3]) > 1e-3, r.name() + " did not relax atom 1");
            double[] f = CU.evaluate(res.structure(), org.burgers.core.potential.Request.FORCES).forces();
            double free = 0, reaction = 0;
            for (int k = 0; k < f.length; k++) {
                boolean isFixed = k < 3 || k == 17;
                if (isFixed) {
                    reaction = Math.max(reaction, Math.abs(f[k]));
                } else {
                    free = Math.max(free, Math.abs(f[k]));
                }
            }
            assertTrue(free < 1e-4, r.name() + " free fmax " + free);
            assertTrue(reaction > 1e-3, r.name() + " reaction " + reaction);
        }
    }

    @Test
    void badMasksAreRefusedWithTheAtom() {
        Structure s = masked();
        double[] m = s.array(MoveMask.ARRAY);
        m[7] = 0.5;
        InputException e = assertThrows(InputException.class, () -> MoveMask.of(s.withArray(MoveMask.ARRAY, m)));
        assertTrue(e.getMessage().contains("atom 2"), e.getMessage());
        assertThrows(InputException.class, () -> new LbfgsRelaxer(10, false).relax(s, CU,
                RelaxOptions.of(1e-3).withCell(1e-4)));
    }
}
