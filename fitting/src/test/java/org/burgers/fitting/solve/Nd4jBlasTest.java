package org.burgers.fitting.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class Nd4jBlasTest {

    @Test
    void gramMatchesPlainLoopsAndReportsRate() {
        System.out.println("ND4J backend: " + Nd4jBlas.backend());
        int m = 300;
        int n = 40;
        Random rnd = new Random(1);
        double[] a = new double[m * n];
        for (int k = 0; k < a.length; k++) {
            a[k] = rnd.nextGaussian();
        }
        INDArray ad = Nd4jBlas.zeros(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                ad.putScalar(i, j, a[i * n + j]);
            }
        }
        double[] g = Nd4jBlas.toRowMajor(Nd4jBlas.gram(ad));
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                double s = 0;
                for (int i = 0; i < m; i++) {
                    s += a[i * n + p] * a[i * n + q];
                }
                assertEquals(s, g[p * n + q], 1e-10 * m);
            }
        }
        double rate = Nd4jBlas.dgemmGflops(1000, 3);
        System.out.printf("ND4J DGEMM 1000^3: %.1f GFLOP/s%n", rate);
        assertTrue(rate > 0.5, "ND4J DGEMM rate " + rate + " GFLOP/s suggests the native BLAS is not in use");
    }
}
