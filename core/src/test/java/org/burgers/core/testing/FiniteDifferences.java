package org.burgers.core.testing;

import org.burgers.core.potential.BlockHessian;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;

/**
 * Central finite-difference checks of a potential's derivatives, shared by every module's tests through
 * the core test-jar. Each method returns the largest absolute deviation, so a test asserts its own
 * tolerance (which it must justify from the step h and the smoothness of the potential).
 */
public final class FiniteDifferences {
    private FiniteDifferences() {
    }

    /** max_i,a |f_ia + (E(x + h e_ia) - E(x - h e_ia)) / 2h| over all (or the first maxAtoms) atoms. */
    public static double forceError(Potential p, Structure s, double h, int maxAtoms) {
        double[] f = p.evaluate(s, Request.FORCES).forces();
        double[] x = s.positions();
        double worst = 0;
        for (int k = 0; k < Math.min(x.length, 3 * maxAtoms); k++) {
            double x0 = x[k];
            x[k] = x0 + h;
            double ep = p.energy(s.withPositions(x));
            x[k] = x0 - h;
            double em = p.energy(s.withPositions(x));
            x[k] = x0;
            worst = Math.max(worst, Math.abs(f[k] + (ep - em) / (2 * h)));
        }
        return worst;
    }

    /**
     * max |W_ab - (-(dE/dF_ba))| with F = I + h e_ba applied to cell and positions, W = sum_i r_i (x) f_i.
     */
    public static double virialError(Potential p, Structure s, double h) {
        double[] w = p.evaluate(s, Request.FORCES).virial();
        double worst = 0;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double[] fp = identityPlus(b, a, h), fm = identityPlus(b, a, -h);
                double d = (p.energy(s.deformed(fp)) - p.energy(s.deformed(fm))) / (2 * h);
                worst = Math.max(worst, Math.abs(w[3 * a + b] + d));
            }
        }
        return worst;
    }

    /** max |H_(ia),(jb) - (-(f_jb(x + h e_ia) - f_jb(x - h e_ia)) / 2h)| over the first maxAtoms atoms i. */
    public static double hessianError(Potential p, Structure s, double h, int maxAtoms) {
        BlockHessian hess = p.evaluate(s, Request.WITH_HESSIAN).hessian();
        double[] x = s.positions();
        double worst = 0;
        for (int k = 0; k < Math.min(x.length, 3 * maxAtoms); k++) {
            double x0 = x[k];
            x[k] = x0 + h;
            double[] fp = p.evaluate(s.withPositions(x), Request.FORCES).forces();
            x[k] = x0 - h;
            double[] fm = p.evaluate(s.withPositions(x), Request.FORCES).forces();
            x[k] = x0;
            for (int m = 0; m < x.length; m++) {
                double fd = -(fp[m] - fm[m]) / (2 * h);
                double an = hess.get(k / 3, k % 3, m / 3, m % 3);
                worst = Math.max(worst, Math.abs(an - fd));
            }
        }
        return worst;
    }

    /** |sum of site energies - energy|. */
    public static double siteEnergySumError(Potential p, Structure s) {
        Evaluation e = p.evaluate(s, Request.ALL);
        double sum = 0;
        for (double v : e.siteEnergies()) {
            sum += v;
        }
        return Math.abs(sum - e.energy());
    }

    public static double[] identityPlus(int a, int b, double h) {
        double[] f = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        f[3 * a + b] += h;
        return f;
    }
}
