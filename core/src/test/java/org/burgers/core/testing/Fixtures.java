package org.burgers.core.testing;

import java.util.Random;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;

/** Small structures for tests: cubic crystals, rattling, random rotations and triclinic strains. */
public final class Fixtures {
    private Fixtures() {
    }

    /** bcc crystal of n x n x n conventional cubes with lattice constant a. */
    public static Structure bcc(String symbol, double a, int n) {
        return cubic(symbol, a, n, new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}});
    }

    public static Structure fcc(String symbol, double a, int n) {
        return cubic(symbol, a, n, new double[][] {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}});
    }

    public static Structure cubic(String symbol, double a, int n, double[][] basis) {
        int nat = n * n * n * basis.length;
        double[] x = new double[3 * nat];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    for (double[] b : basis) {
                        x[k++] = (i + b[0]) * a;
                        x[k++] = (j + b[1]) * a;
                        x[k++] = (l + b[2]) * a;
                    }
                }
            }
        }
        Element[] el = new Element[nat];
        java.util.Arrays.fill(el, Element.of(symbol));
        return new Structure(x, el, Cell.orthorhombic(n * a, n * a, n * a));
    }

    /** Gaussian noise of standard deviation sigma on every coordinate. */
    public static Structure rattle(Structure s, double sigma, long seed) {
        Random r = new Random(seed);
        double[] x = s.positions();
        for (int i = 0; i < x.length; i++) {
            x[i] += sigma * r.nextGaussian();
        }
        return s.withPositions(x);
    }

    /** A random rotation (proper, det = +1) as a row-major 3x3 matrix. */
    public static double[] randomRotation(long seed) {
        Random r = new Random(seed);
        double q0 = r.nextGaussian(), q1 = r.nextGaussian(), q2 = r.nextGaussian(), q3 = r.nextGaussian();
        double n = Math.sqrt(q0 * q0 + q1 * q1 + q2 * q2 + q3 * q3);
        q0 /= n;
        q1 /= n;
        q2 /= n;
        q3 /= n;
        return new double[] {
            1 - 2 * (q2 * q2 + q3 * q3), 2 * (q1 * q2 - q0 * q3), 2 * (q1 * q3 + q0 * q2),
            2 * (q1 * q2 + q0 * q3), 1 - 2 * (q1 * q1 + q3 * q3), 2 * (q2 * q3 - q0 * q1),
            2 * (q1 * q3 - q0 * q2), 2 * (q2 * q3 + q0 * q1), 1 - 2 * (q1 * q1 + q2 * q2)};
    }

    /** A random small strain F = I + eps * G with Gaussian G, making a cell triclinic. */
    public static double[] randomStrain(double eps, long seed) {
        Random r = new Random(seed);
        double[] f = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        for (int k = 0; k < 9; k++) {
            f[k] += eps * r.nextGaussian();
        }
        return f;
    }
}
