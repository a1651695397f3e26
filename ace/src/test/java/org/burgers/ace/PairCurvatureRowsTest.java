package org.burgers.ace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.burgers.ace.basis.AceBasis;
import org.burgers.ace.basis.AceSpec;
import org.burgers.ace.radial.PairBasis;
import org.junit.jupiter.api.Test;

/**
 * The curvature prior's rows: |R c|^2 must be int_rlo^rcut phi''(r)^2 dr of the contracted pair function,
 * computed here independently from values of phi only (second differences, Simpson's rule on a finer grid).
 */
class PairCurvatureRowsTest {

    @Test
    void rowsGiveTheIntegralOfTheSquaredCurvature() {
        AceSpec d = AceSpec.of(List.of("W"), 2, 6, 5.5, 2.74);
        AceBasis basis = new AceBasis(new AceSpec(d.species(), d.order(), d.degree(), d.rcut(), d.r0(), d.wL(), true,
                40, d.pairRcut()));
        double rlo = 1.37;
        double[] rows = basis.pairCurvatureRows(rlo, 0.005);
        int n = basis.size();
        int k = rows.length / n;
        assertEquals(Math.ceil((d.pairRcut() - rlo) / 0.005 - 1e-9), k, 0.0);
        Random rnd = new Random(7);
        PairBasis pb = new PairBasis(40, d.r0(), d.pairRcut());
        for (int trial = 0; trial < 3; trial++) {
            double[] c = new double[n];
            for (int j = 0; j < n; j++) {
                c[j] = rnd.nextGaussian() / (1 + j % 40);
            }
            double viaRows = 0;
            for (int r = 0; r < k; r++) {
                double v = 0;
                for (int j = 0; j < n; j++) {
                    v += rows[r * n + j] * c[j];
                }
                viaRows += v * v;
            }
            double[] pc = basis.contractPair(0, c);
            double[] out = new double[2], scr = new double[2];
            int m = 20000; // Simpson on [rlo, rcut] with phi'' from second differences of phi
            double h = (d.pairRcut() - rlo) / m, e = 1e-4, integral = 0;
            for (int i = 0; i <= m; i++) {
                double r = rlo + i * h;
                double rr = Math.min(Math.max(r, rlo + e), d.pairRcut() - e);
                pb.contract(rr - e, pc, 0, out, scr);
                double fm = out[0];
                pb.contract(rr, pc, 0, out, scr);
                double f0 = out[0];
                pb.contract(rr + e, pc, 0, out, scr);
                double fp = out[0];
                double curv = (fp - 2 * f0 + fm) / (e * e);
                integral += (i == 0 || i == m ? 1 : i % 2 == 1 ? 4 : 2) * curv * curv * h / 3;
            }
            assertTrue(integral > 0);
            // midpoint rule at 0.005 A against Simpson at 2e-4 A: agree to the midpoint rule's accuracy
            assertEquals(integral, viaRows, 2e-3 * integral, "trial " + trial);
        }
        for (int r = 0; r < k; r++) {
            for (int j = basis.pairColumns(); j < n; j++) {
                assertEquals(0.0, rows[r * n + j], "only pair columns carry the prior");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> basis.pairCurvatureRows(6.0, 0.005));
        // a window [rlo, rhi] holds the first rows of the full range (same grid points)
        double[] window = basis.pairCurvatureRows(rlo, 2.4, 0.005);
        assertEquals(206, window.length / n);
        for (int q = 0; q < window.length; q++) {
            assertEquals(rows[q], window[q], 0.0);
        }
    }
}
