package org.burgers.ace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.burgers.ace.radial.OrthonormalJacobi;
import org.burgers.ace.radial.PairBasis;
import org.junit.jupiter.api.Test;

/** Clenshaw's contraction equals the sum of the functions evaluated one by one, value and derivative. */
class PairContractionTest {

    @Test
    void jacobiContractionMatchesTheExplicitSum() {
        Random rnd = new Random(5);
        for (int alpha : new int[] {0, 2}) {
            for (int count : new int[] {1, 2, 3, 10, 57, 120}) {
                OrthonormalJacobi j = new OrthonormalJacobi(count, alpha);
                double[] c = new double[count + 3];
                for (int k = 0; k < c.length; k++) {
                    c[k] = rnd.nextGaussian();
                }
                double[] p = new double[count];
                double[] dp = new double[count];
                double[] out = new double[2];
                for (double y : new double[] {-1, -0.73, 0, 0.31, 0.999, 1}) {
                    j.evaluate(y, p, dp, 0);
                    double s = 0, ds = 0, scale = 0, dscale = 0;
                    for (int k = 0; k < count; k++) {
                        s += c[3 + k] * p[k];
                        ds += c[3 + k] * dp[k];
                        scale += Math.abs(c[3 + k] * p[k]);
                        dscale += Math.abs(c[3 + k] * dp[k]);
                    }
                    j.contract(y, c, 3, out);
                    assertEquals(s, out[0], 1e-13 * Math.max(1, scale), "value, count " + count + " y " + y);
                    assertEquals(ds, out[1], 1e-12 * Math.max(1, dscale), "derivative, count " + count + " y " + y);
                }
            }
        }
    }

    @Test
    void pairContractionMatchesTheBasisAndItsFiniteDifference() {
        Random rnd = new Random(9);
        int n = 100;
        PairBasis pb = new PairBasis(n, 2.74, 5.5);
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            c[k] = rnd.nextGaussian() / (1 + k);
        }
        double[] pv = new double[n];
        double[] dpv = new double[n];
        double[] out = new double[2];
        double[] scratch = new double[4];
        for (double r : new double[] {1.9, 2.3, 2.74, 3.17, 4.4, 5.49, 5.6}) {
            pb.evaluate(r, pv, dpv, 0, scratch);
            double s = 0, ds = 0, scale = 1e-300, dscale = 1e-300;
            for (int k = 0; k < n; k++) {
                s += c[k] * pv[k];
                ds += c[k] * dpv[k];
                scale += Math.abs(c[k] * pv[k]);
                dscale += Math.abs(c[k] * dpv[k]);
            }
            pb.contract(r, c, 0, out, scratch);
            assertEquals(s, out[0], 1e-13 * scale, "r " + r);
            assertEquals(ds, out[1], 1e-12 * dscale, "r " + r);
            if (r < 5.5) {
                double h = 1e-6;
                double[] hi = new double[2];
                double[] lo = new double[2];
                pb.contract(r + h, c, 0, hi, scratch);
                pb.contract(r - h, c, 0, lo, scratch);
                assertEquals((hi[0] - lo[0]) / (2 * h), out[1], 1e-6 * Math.max(1, Math.abs(out[1])), "FD at r " + r);
            }
        }
    }
}
