package org.burgers.potentials.eam;

/**
 * The piecewise cubic LAMMPS' {@code pair_style eam} fits to a table ({@code PairEAM::interpolate}): knot
 * derivatives from a 5-point finite-difference stencil (one-sided 2-point and central 3-point at the ends),
 * then on each interval the cubic through both knot values with those derivatives. Reproduced term by term
 * so that our energies agree with LAMMPS' to round-off rather than to interpolation error.
 *
 * <p>Layout: 7 coefficients per knot m (0-based), as LAMMPS' {@code spline[m][0..6]}: with
 * p = x/delta - m in [0, 1], value = ((c3 p + c4) p + c5) p + c6 and d/dx = (c0 p + c1) p + c2.
 */
public final class LammpsSpline {
    private LammpsSpline() {
    }

    /** Coefficients, 7 per knot, for values f at spacing delta (f.length &gt;= 5). */
    public static double[] coefficients(double[] f, double delta) {
        int n = f.length;
        double[] s = new double[7 * n];
        for (int m = 0; m < n; m++) {
            s[7 * m + 6] = f[m];
        }
        // knot derivatives (times delta): one-sided at the ends, 3-point next to them, 5-point inside
        s[5] = f[1] - f[0];
        s[7 + 5] = 0.5 * (f[2] - f[0]);
        s[7 * (n - 2) + 5] = 0.5 * (f[n - 1] - f[n - 3]);
        s[7 * (n - 1) + 5] = f[n - 1] - f[n - 2];
        for (int m = 2; m <= n - 3; m++) {
            s[7 * m + 5] = ((f[m - 2] - f[m + 2]) + 8.0 * (f[m + 1] - f[m - 1])) / 12.0;
        }
        for (int m = 0; m <= n - 2; m++) {
            s[7 * m + 4] = 3.0 * (f[m + 1] - f[m]) - 2.0 * s[7 * m + 5] - s[7 * (m + 1) + 5];
            s[7 * m + 3] = s[7 * m + 5] + s[7 * (m + 1) + 5] - 2.0 * (f[m + 1] - f[m]);
        }
        s[7 * (n - 1) + 4] = 0.0;
        s[7 * (n - 1) + 3] = 0.0;
        for (int m = 0; m < n; m++) {
            s[7 * m + 2] = s[7 * m + 5] / delta;
            s[7 * m + 1] = 2.0 * s[7 * m + 4] / delta;
            s[7 * m] = 3.0 * s[7 * m + 3] / delta;
        }
        return s;
    }
}
