package org.burgers.core.elasticity;

import java.util.ArrayList;
import java.util.List;
import org.burgers.core.structure.Structure;

/**
 * Closed forms of the Cauchy-Born tensors of a pair potential on a Bravais lattice, derived independently
 * of the code under test. With W(F) = (1/2V) sum_rho phi(|F rho|) and f(y) = phi(|y|):
 * f_ac = A y_a y_c + B delta_ac, A = (phi'' - phi'/r)/r^2, B = phi'/r;
 * f_ace = (A'/r) y_a y_c y_e + A (delta_ae y_c + delta_ce y_a + delta_ac y_e) (using B' = r A);
 * d2_abcd = (1/2V) sum f_ac rho_b rho_d, d3_abcdef = (1/2V) sum f_ace rho_b rho_d rho_f.
 * phi is the MorseTestPotential form D (e^{-2a(r-r0)} - 2 e^{-a(r-r0)}) (1 - (r/rc)^2)^3, re-derived here.
 */
final class PairClosedForm {
    final double d, alpha, r0, rc;

    PairClosedForm(double d, double alpha, double r0, double rc) {
        this.d = d;
        this.alpha = alpha;
        this.r0 = r0;
        this.rc = rc;
    }

    /** phi and its first three derivatives at r. */
    double[] phi(double r) {
        double e = Math.exp(-alpha * (r - r0));
        double a = alpha;
        double[] m = {d * (e * e - 2 * e), d * (-2 * a * e * e + 2 * a * e), d * (4 * a * a * e * e - 2 * a * a * e),
            d * (-8 * a * a * a * e * e + 2 * a * a * a * e)};
        double u = 1 - r * r / (rc * rc), u1 = -2 * r / (rc * rc), u2 = -2 / (rc * rc);
        double[] c = {u * u * u, 3 * u * u * u1, 6 * u * u1 * u1 + 3 * u * u * u2, 6 * u1 * u1 * u1 + 18 * u * u1 * u2};
        return new double[] {m[0] * c[0], m[1] * c[0] + m[0] * c[1], m[2] * c[0] + 2 * m[1] * c[1] + m[0] * c[2],
            m[3] * c[0] + 3 * m[2] * c[1] + 3 * m[1] * c[2] + m[0] * c[3]};
    }

    /** Lattice vectors rho != 0 within rc of the Bravais lattice spanned by a monatomic periodic cell. */
    static List<double[]> bravais(Structure cell, double rc) {
        List<double[]> out = new ArrayList<>();
        int reach = 8;
        double[] x = cell.positionsView();
        for (int j = 0; j < cell.size(); j++) {
            for (int i0 = -reach; i0 <= reach; i0++) {
                for (int i1 = -reach; i1 <= reach; i1++) {
                    for (int i2 = -reach; i2 <= reach; i2++) {
                        double[] t = new double[3];
                        cell.cell().toCartesian(i0, i1, i2, t, 0);
                        double[] rho = {x[3 * j] + t[0] - x[0], x[3 * j + 1] + t[1] - x[1], x[3 * j + 2] + t[2] - x[2]};
                        double r = Math.sqrt(rho[0] * rho[0] + rho[1] * rho[1] + rho[2] * rho[2]);
                        if (r > 1e-9 && r < rc) {
                            out.add(rho);
                        }
                    }
                }
            }
        }
        return out;
    }

    double[] d2(Structure cell) {
        double v = cell.cell().volume() / cell.size();
        double[] t = new double[81];
        for (double[] rho : bravais(cell, rc)) {
            double r = Math.sqrt(rho[0] * rho[0] + rho[1] * rho[1] + rho[2] * rho[2]);
            double[] p = phi(r);
            double a = (p[2] - p[1] / r) / (r * r), b = p[1] / r;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    for (int k = 0; k < 3; k++) {
                        for (int l = 0; l < 3; l++) {
                            double fac = a * rho[i] * rho[k] + (i == k ? b : 0);
                            t[9 * (3 * i + j) + 3 * k + l] += fac * rho[j] * rho[l] / (2 * v);
                        }
                    }
                }
            }
        }
        return t;
    }

    double[] d3(Structure cell) {
        double v = cell.cell().volume() / cell.size();
        double[] t = new double[729];
        for (double[] rho : bravais(cell, rc)) {
            double r = Math.sqrt(rho[0] * rho[0] + rho[1] * rho[1] + rho[2] * rho[2]);
            double[] p = phi(r);
            double a = (p[2] - p[1] / r) / (r * r);
            double a1 = (p[3] - p[2] / r + p[1] / (r * r)) / (r * r) - 2 * (p[2] - p[1] / r) / (r * r * r);
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 3; k++) {
                    for (int m = 0; m < 3; m++) {
                        double face = a1 / r * rho[i] * rho[k] * rho[m]
                                + a * ((i == m ? rho[k] : 0) + (k == m ? rho[i] : 0) + (i == k ? rho[m] : 0));
                        for (int j = 0; j < 3; j++) {
                            for (int l = 0; l < 3; l++) {
                                for (int n = 0; n < 3; n++) {
                                    t[81 * (3 * i + j) + 9 * (3 * k + l) + 3 * m + n] +=
                                            face * rho[j] * rho[l] * rho[n] / (2 * v);
                                }
                            }
                        }
                    }
                }
            }
        }
        return t;
    }

    /** sum_rho phi'(a|rho|)|rho| for the monatomic lattice at scale a: zero at the equilibrium constant. */
    double pressureSum(Structure unitCellAtScale1, double a) {
        double s = 0;
        for (double[] rho : bravais(unitCellAtScale1, rc / a)) {
            double r = Math.sqrt(rho[0] * rho[0] + rho[1] * rho[1] + rho[2] * rho[2]);
            s += phi(a * r)[1] * r;
        }
        return s;
    }
}
