package org.burgers.potentials;

import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;

/** Test crystals of the three reference systems: bcc W, B2 NiAl, diamond Si. */
public final class Structures {
    private Structures() {
    }

    public static Structure bccW(int n) {
        return Fixtures.bcc("W", 3.14339, n);
    }

    /** B2 NiAl: Ni at the cube corners, Al at the centres. */
    public static Structure b2NiAl(double a, int n) {
        Structure s = Fixtures.bcc("Ni", a, n);
        Element[] el = s.elements();
        for (int i = 1; i < el.length; i += 2) {
            el[i] = Element.of("Al");
        }
        return new Structure(s.positions(), el, s.cell());
    }

    public static Structure diamond(String symbol, double a, int n) {
        double[][] fcc = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        double[][] basis = new double[8][];
        for (int k = 0; k < 4; k++) {
            basis[k] = fcc[k];
            basis[k + 4] = new double[] {fcc[k][0] + 0.25, fcc[k][1] + 0.25, fcc[k][2] + 0.25};
        }
        return Fixtures.cubic(symbol, a, n, basis);
    }

    /** The structure rattled by sigma and deformed by a random F = I + eps G (triclinic cell). */
    public static Structure distorted(Structure s, double sigma, double eps, long seed) {
        return Fixtures.rattle(s, sigma, seed).deformed(Fixtures.randomStrain(eps, seed + 1));
    }

    /** A primitive (triclinic) bcc cell repeated n times: a small, skewed periodic cell. */
    public static Structure bccPrimitive(String symbol, double a, int n) {
        double[] v = {-a / 2, a / 2, a / 2, a / 2, -a / 2, a / 2, a / 2, a / 2, -a / 2};
        double[] m = new double[9];
        for (int k = 0; k < 9; k++) {
            m[k] = n * v[k];
        }
        double[] x = new double[3 * n * n * n];
        int c = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    for (int d = 0; d < 3; d++) {
                        x[c++] = i * v[d] + j * v[3 + d] + k * v[6 + d];
                    }
                }
            }
        }
        return Structure.of(x, symbol, Cell.periodic(m));
    }
}
