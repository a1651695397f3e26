package org.burgers.simulation.relax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.MorseTestPotential;
import org.burgers.simulation.lattice.Crystal;
import org.burgers.simulation.lattice.Orientation;
import org.burgers.simulation.lattice.Supercell;
import org.burgers.simulation.training.RattledSet;
import org.junit.jupiter.api.Test;

class ExpPreconditionerTest {

    private static ExpPreconditioner built(Structure s, org.burgers.core.potential.Potential p) {
        AtomsObjective obj = new AtomsObjective(s, p, RelaxOptions.of(1e-3));
        double[] x = obj.start();
        double[] g = new double[x.length];
        obj.evaluate(x, g);
        ExpPreconditioner pc = new ExpPreconditioner(p.cutoff());
        pc.update(obj, x, g);
        obj.evaluate(x, g);
        return pc;
    }

    /** Relative residual |P z - r| / |r| of the solve, and the CG iterations it took. */
    private static double[] solveQuality(ExpPreconditioner pc, int n3, long seed, double tol) {
        Random rnd = new Random(seed);
        double[] r = new double[n3], z = new double[n3], pz = new double[n3];
        for (int k = 0; k < n3; k++) {
            r[k] = rnd.nextGaussian() + Math.sin(k * 1e-3);   // rough plus smooth content
        }
        long before = pc.cgIterations();
        pc.solve(r, z, tol);
        pc.applyP(z, pz);
        double num = 0, den = 0;
        for (int k = 0; k < n3; k++) {
            num += (pz[k] - r[k]) * (pz[k] - r[k]);
            den += r[k] * r[k];
        }
        return new double[] {Math.sqrt(num / den), pc.cgIterations() - before};
    }

    @Test
    void solveInvertsThePreconditionerAndTheMatrixMatchesPackwood() {
        Structure s = RattledSet.rattle(Supercell.build(Crystal.of("fcc", 3.61, "Cu"), Orientation.CUBE, 6, 6, 6)
                .structure(), 0.05, 3, 0);
        MorseTestPotential cu = new MorseTestPotential(0.3429, 1.3588, 2.866, 6.0);
        ExpPreconditioner pc = built(s, cu);
        assertEquals(3.61 / Math.sqrt(2), pc.nearestNeighbour(), 0.01, "r_nn is the fcc bond length despite the noise");
        assertTrue(pc.mu() > 0);
        // the multigrid-preconditioned CG converges to any accuracy (a non-symmetric cycle would stall)
        double[] q = solveQuality(pc, 3 * s.size(), 1, 1e-10);
        assertTrue(q[0] < 1e-10, "relative residual " + q[0]);
        // rows sum to mu c_stab: P applied to a uniform translation gives mu c_stab times it
        double[] t = new double[3 * s.size()], pt = new double[3 * s.size()];
        for (int i = 0; i < s.size(); i++) {
            t[3 * i] = 1;
        }
        pc.applyP(t, pt);
        for (int i = 0; i < s.size(); i++) {
            assertEquals(pc.mu() * ExpPreconditioner.C_STAB, pt[3 * i], 1e-10);
            assertEquals(0, pt[3 * i + 1], 0);
        }
    }

    @Test
    void multigridKeepsTheIterationCountSmallOnALargeCell() {
        Structure s = RattledSet.rattle(Supercell.build(Crystal.of("bcc", 3.14339, "W"), Orientation.CUBE, 14, 14, 14)
                .structure(), 0.05, 3, 0);
        ExpPreconditioner pc = built(s, PotentialSpec.parse("builtin:W"));
        double[] q = solveQuality(pc, 3 * s.size(), 2, 1e-5);
        System.out.printf("Exp preconditioner, %d W atoms: %d multigrid levels, %d CG iterations, residual %.1e%n",
                s.size(), pc.multigridLevels(), (int) q[1], q[0]);
        assertTrue(q[0] < 1e-5);
        assertTrue(pc.multigridLevels() >= 2);
        assertTrue(q[1] <= 15, "CG iterations " + q[1]);
    }
}
