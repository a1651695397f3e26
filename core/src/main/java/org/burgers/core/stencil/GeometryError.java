package org.burgers.core.stencil;

import org.burgers.core.InputException;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Structure;

/**
 * The geometry error of the study, ||D ybar - D ybar^ML||_l2 (paper (3.13), (A.1)), for two relaxed
 * configurations of the same atoms (matched by index) in the same cell. Since D_rho y(l) - D_rho y^ML(l) =
 * D_rho v(l) with v = y - y^ML (the image shifts of the two bonds are the same and cancel), the error is
 * the stencil norm of v, where each v(l) is reduced to its minimum image so that an atom wrapped across a
 * periodic boundary in only one of the two files does not count as a jump of a lattice vector.
 */
public final class GeometryError {
    private GeometryError() {
    }

    /** v = y - yML per atom, minimum image along the periodic directions of the (common) cell. */
    public static double[] difference(Structure y, Structure yMl) {
        if (y.size() != yMl.size()) {
            throw new InputException("the two configurations have " + y.size() + " and " + yMl.size() + " atoms");
        }
        Cell c = y.cell();
        double[] a = c.matrix(), b = yMl.cell().matrix();
        for (int k = 0; k < 9; k++) {
            if (Math.abs(a[k] - b[k]) > 1e-8 * (1 + Math.abs(a[k]))) {
                throw new InputException("the two configurations have different cells (component " + k + ": "
                        + a[k] + " vs " + b[k] + ")");
            }
        }
        double[] v = new double[3 * y.size()];
        double[] s = new double[3];
        double[] x = y.positionsView(), z = yMl.positionsView();
        for (int i = 0; i < y.size(); i++) {
            c.toFractional(x[3 * i] - z[3 * i], x[3 * i + 1] - z[3 * i + 1], x[3 * i + 2] - z[3 * i + 2], s, 0);
            for (int k = 0; k < 3; k++) {
                if (c.periodic(k)) {
                    s[k] -= Math.rint(s[k]);
                }
            }
            c.toCartesian(s[0], s[1], s[2], v, 3 * i);
        }
        return v;
    }

    /** ||D y - D yML||_l2 over all sites of the stencil. */
    public static double of(Stencil stencil, Structure y, Structure yMl) {
        return stencil.norm(difference(y, yMl));
    }

    /** ||D y - D yML||_l2 over a subset of sites. */
    public static double of(Stencil stencil, Structure y, Structure yMl, int[] subset) {
        return stencil.norm(difference(y, yMl), subset);
    }
}
