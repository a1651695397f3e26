package org.burgers.core.potential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.burgers.core.testing.MorseTestPotential;
import org.junit.jupiter.api.Test;

/** The local finite-difference Hessian against the analytic Hessian of a smooth pair potential. */
class LocalFiniteDifferenceHessianTest {

    static double maxDiff(BlockHessian a, BlockHessian b, int n) {
        double worst = 0;
        for (int i = 0; i < 3 * n; i++) {
            for (int j = 0; j < 3 * n; j++) {
                worst = Math.max(worst, Math.abs(a.get(i / 3, i % 3, j / 3, j % 3) - b.get(i / 3, i % 3, j / 3, j % 3)));
            }
        }
        return worst;
    }

    @Test
    void matchesAnalyticHessianIncludingImagesInSmallCells() {
        MorseTestPotential p = new MorseTestPotential(0.5, 1.4, 2.8, 5.0);
        // 2x2x2 bcc cubes of 3.2 A: 6.4 A wide, so each atom sees several images of its neighbours
        Structure s = Fixtures.rattle(Fixtures.bcc("W", 3.2, 2), 0.1, 7).deformed(Fixtures.randomStrain(0.03, 8));
        BlockHessian exact = p.evaluate(s, Request.WITH_HESSIAN).hessian();
        BlockHessian fd4 = LocalFiniteDifferenceHessian.compute(p, s);
        BlockHessian fd2 = LocalFiniteDifferenceHessian.compute(p, s, 1e-4, false);
        double e4 = maxDiff(exact, fd4, s.size()), e2 = maxDiff(exact, fd2, s.size());
        System.out.printf("local FD Hessian vs analytic: 4th order h=1e-3 %.2e, 2nd order h=1e-4 %.2e eV/A^2%n", e4, e2);
        // 4th order: h^4 |d^5 E| ~ 1e-12 * O(100); round-off 1e-16 * |F| / h ~ 1e-13
        assertTrue(e4 < 1e-8, "4th-order local FD Hessian error " + e4);
        // 2nd order: h^2 |d^3 F| / 6 ~ 1e-8 * O(10)
        assertTrue(e2 < 1e-6, "2nd-order local FD Hessian error " + e2);
    }

    @Test
    void symmetric() {
        MorseTestPotential p = new MorseTestPotential(0.5, 1.4, 2.8, 5.0);
        Structure s = Fixtures.rattle(Fixtures.bcc("W", 3.2, 2), 0.1, 9);
        BlockHessian h = LocalFiniteDifferenceHessian.compute(p, s);
        for (int i = 0; i < 3 * s.size(); i++) {
            for (int j = 0; j < 3 * s.size(); j++) {
                assertTrue(h.get(i / 3, i % 3, j / 3, j % 3) == h.get(j / 3, j % 3, i / 3, i % 3));
            }
        }
    }
}
