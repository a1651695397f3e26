package org.burgers.core.elasticity;

import org.burgers.core.InputException;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;

/**
 * The equilibrium lattice constant of a crystal given as a unit cell at scale 1 (lattice vectors and
 * positions in units of the lattice constant; e.g. the conventional bcc cube with side 1): minimises the
 * energy per atom E(a) of the cell scaled by a. Brent's minimisation (Brent 1973, ch. 5: golden section
 * plus parabolic interpolation) brackets the minimum to ~1e-6 relative, then the zero of the pressure
 * dE/da = -tr(virial)/a is found by safeguarded secant steps (regula falsi, Illinois variant), which pins a
 * to ~1e-12 relative where the energy alone cannot (E is flat to second order at the minimum).
 */
public final class LatticeConstant {

    /** @param a lattice constant (A); @param energyPerAtom E/N at a (eV) */
    public record Result(double a, double energyPerAtom) {
    }

    private static final double GOLD = 0.3819660112501051;   // (3 - sqrt 5) / 2

    private LatticeConstant() {
    }

    /**
     * @param unitCell the crystal at lattice constant 1 (fully periodic)
     * @param lo       lower end of the search interval (A)
     * @param hi       upper end (A)
     */
    public static Result relax(Potential p, Structure unitCell, double lo, double hi) {
        if (!(lo > 0) || !(hi > lo)) {
            throw new InputException("lattice-constant search interval must satisfy 0 < lo < hi, got [" + lo + ", "
                    + hi + "]");
        }
        int n = unitCell.size();
        java.util.function.DoubleUnaryOperator e = a -> p.energy(scaled(unitCell, a)) / n;
        double a = brent(e, lo, hi, 1e-7);
        if (a - lo < 1e-6 * hi || hi - a < 1e-6 * hi) {
            throw new InputException("no energy minimum inside [" + lo + ", " + hi + "] A (the search ended at "
                    + a + " A)");
        }
        // refine on the pressure: tr W(a) changes sign at the minimum
        java.util.function.DoubleUnaryOperator g =
                x -> {
                    double[] w = p.evaluate(scaled(unitCell, x), Request.FORCES).virial();
                    return w[0] + w[4] + w[8];
                };
        double x0 = a * (1 - 1e-5), x1 = a * (1 + 1e-5);
        double g0 = g.applyAsDouble(x0), g1 = g.applyAsDouble(x1);
        if (g0 * g1 < 0) {
            a = illinois(g, x0, g0, x1, g1);
        }
        return new Result(a, e.applyAsDouble(a));
    }

    /** The unit cell scaled to lattice constant a. */
    public static Structure scaled(Structure unitCell, double a) {
        return unitCell.deformed(new double[] {a, 0, 0, 0, a, 0, 0, 0, a});
    }

    /** Brent's minimisation of f on [lo, hi] to relative tolerance tol. */
    static double brent(java.util.function.DoubleUnaryOperator f, double lo, double hi, double tol) {
        double a = lo, b = hi;
        double x = a + GOLD * (b - a), w = x, v = x;
        double fx = f.applyAsDouble(x), fw = fx, fv = fx;
        double d = 0, e = 0;
        for (int it = 0; it < 200; it++) {
            double m = 0.5 * (a + b);
            double t1 = tol * Math.abs(x) + 1e-12, t2 = 2 * t1;
            if (Math.abs(x - m) <= t2 - 0.5 * (b - a)) {
                break;
            }
            boolean golden = true;
            if (Math.abs(e) > t1) {
                // parabola through (v, fv), (w, fw), (x, fx)
                double r = (x - w) * (fx - fv);
                double q = (x - v) * (fx - fw);
                double pp = (x - v) * q - (x - w) * r;
                q = 2 * (q - r);
                if (q > 0) {
                    pp = -pp;
                } else {
                    q = -q;
                }
                double eOld = e;
                if (Math.abs(pp) < Math.abs(0.5 * q * eOld) && pp > q * (a - x) && pp < q * (b - x)) {
                    e = d;
                    d = pp / q;
                    double u = x + d;
                    if (u - a < t2 || b - u < t2) {
                        d = x < m ? t1 : -t1;
                    }
                    golden = false;
                }
            }
            if (golden) {
                e = (x < m ? b : a) - x;
                d = GOLD * e;
            }
            double u = Math.abs(d) >= t1 ? x + d : x + (d > 0 ? t1 : -t1);
            double fu = f.applyAsDouble(u);
            if (fu <= fx) {
                if (u < x) {
                    b = x;
                } else {
                    a = x;
                }
                v = w;
                fv = fw;
                w = x;
                fw = fx;
                x = u;
                fx = fu;
            } else {
                if (u < x) {
                    a = u;
                } else {
                    b = u;
                }
                if (fu <= fw || w == x) {
                    v = w;
                    fv = fw;
                    w = u;
                    fw = fu;
                } else if (fu <= fv || v == x || v == w) {
                    v = u;
                    fv = fu;
                }
            }
        }
        return x;
    }

    /** Zero of g between x0 and x1 (g0 g1 < 0) by regula falsi with the Illinois modification. */
    static double illinois(java.util.function.DoubleUnaryOperator g, double x0, double g0, double x1, double g1) {
        int side = 0;
        double x = x0;
        for (int it = 0; it < 100; it++) {
            x = (x0 * g1 - x1 * g0) / (g1 - g0);
            if (Math.abs(x1 - x0) < 1e-14 * Math.abs(x)) {
                break;
            }
            double gx = g.applyAsDouble(x);
            if (gx == 0) {
                break;
            }
            if (gx * g1 > 0) {
                x1 = x;
                g1 = gx;
                if (side == -1) {
                    g0 /= 2;
                }
                side = -1;
            } else {
                x0 = x;
                g0 = gx;
                if (side == 1) {
                    g1 /= 2;
                }
                side = 1;
            }
        }
        return x;
    }
}
