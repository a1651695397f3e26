package org.burgers.simulation.dislocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.structure.Structure;
import org.burgers.simulation.lattice.Crystal;
import org.burgers.simulation.lattice.Orientation;
import org.burgers.simulation.lattice.Supercell;
import org.burgers.simulation.relax.LbfgsRelaxer;
import org.burgers.simulation.relax.RelaxOptions;
import org.burgers.simulation.relax.RelaxResult;
import org.junit.jupiter.api.Test;

/** Telling a cell that holds dislocations from a perfect crystal by its distinct atomic environments. */
class PerfectCrystalCheckTest {

    /** Perfect crystals: one environment per sublattice, also when the cell is homogeneously sheared. */
    @Test
    void perfectCrystalsHaveOneEnvironmentPerSublattice() {
        String[][] cases = {{"bcc", "3.14339", "W", "1"}, {"b2", "2.8815", "Ni,Al", "2"}, {"diamond", "5.431", "Si", "2"}};
        for (String[] c : cases) {
            Crystal crystal = Crystal.of(c[0], Double.parseDouble(c[1]), c[2]);
            Structure s = crystal.conventionalCell();
            Structure big = Supercell.build(crystal, Orientation.CUBE, 3, 3, 3).structure();
            int n = Integer.parseInt(c[3]);
            assertEquals(n, PerfectCrystalCheck.distinctEnvironments(big, 1.05 * Double.parseDouble(c[1]), 100), c[0]);
            // a homogeneous shear of 5% (the tilt an annihilated dipole leaves) keeps every atom equivalent
            Structure sheared = big.deformed(new double[] {1, 0, 0.05, 0, 1, 0, 0, 0, 1});
            assertEquals(n, PerfectCrystalCheck.distinctEnvironments(sheared, 1.05 * Double.parseDouble(c[1]), 100), c[0]);
            assertTrue(PerfectCrystalCheck.isPerfectCrystal(sheared, 1.05 * Double.parseDouble(c[1]),
                    s.size()), c[0]);
            // what a relaxation to fmax leaves (1e-4 A here, 10x more) does not split an environment: equal within
            // a tolerance, not by binning, where vectors near a bin edge fall on either side
            Structure noisy = org.burgers.core.testing.Fixtures.rattle(sheared, 1e-4, 3);
            assertEquals(n, PerfectCrystalCheck.distinctEnvironments(noisy, 1.05 * Double.parseDouble(c[1]), 100), c[0]);
            // a displacement a core would make (0.1 A on one atom) is seen
            double[] x = sheared.positions();
            x[0] += 0.1;
            assertTrue(PerfectCrystalCheck.distinctEnvironments(sheared.withPositions(x), 1.05
                    * Double.parseDouble(c[1]), 100) > n, c[0]);
        }
    }

    /**
     * The W screw dipoles of 7 and 8 r0 annihilate when relaxed with the reference (8 r0: its 108 atoms end in one
     * environment, 2.2 eV above the perfect lattice: the strain of the cell tilt), while the 10 r0 dipole keeps
     * its cores (168 environments among 168 atoms). Before this check the W studies trained on the 8 r0 cell as
     * if it held a dipole.
     */
    @Test
    void theEightR0TungstenScrewDipoleAnnihilatesAndTheTenR0OneDoesNot() {
        Potential w = PotentialSpec.parse(DislocationSystem.W_SCREW.potential());
        ElasticConstantsHolder h = new ElasticConstantsHolder(w);
        for (double size : new double[] {7, 8, 10}) {
            DislocationConfiguration dipole = Dislocations.predictor(DislocationSystem.W_SCREW, "dipole", size, h.c);
            double cutoff = 1.05 * dipole.a0();
            int before = PerfectCrystalCheck.distinctEnvironments(dipole.structure(), cutoff, 1000);
            assertTrue(before > dipole.structure().size() / 2, size + " r0 predictor: " + before + " environments");
            RelaxResult r = LbfgsRelaxer.preconditioned().relax(dipole.structure(), w, RelaxOptions.of(1e-4));
            assertTrue(r.converged(), r.message());
            int after = PerfectCrystalCheck.distinctEnvironments(r.structure(), cutoff, 1000);
            boolean perfect = PerfectCrystalCheck.isPerfectCrystal(after, 2);
            if (size < 10) {
                assertTrue(perfect, size + " r0 relaxed: " + after + " environments");
                assertEquals(1, after);
            } else {
                assertFalse(perfect, "10 r0 relaxed: " + after + " environments");
                assertTrue(after > dipole.structure().size() / 2, "10 r0 relaxed: " + after + " environments");
            }
        }
    }

    private static final class ElasticConstantsHolder {
        final org.burgers.simulation.elastic.ElasticConstants c;

        ElasticConstantsHolder(Potential w) {
            c = Dislocations.constants(DislocationSystem.W_SCREW, w);
        }
    }
}
