package org.burgers.simulation.relax;

/**
 * Backtracking line search along a descent direction d with the sufficient-decrease (Armijo) condition
 * phi(t) <= phi(0) + c1 t phi'(0), backtracking by safeguarded quadratic interpolation.
 *
 * <p>Near a minimum of a large system the energy difference of a step (~ |g|^2/k) drops below the
 * rounding noise of the total energy (~ 1e-16 |E| per atom summed), so an energy test alone would stall
 * long before fmax = 1e-6 eV/A. There we use the approximate Wolfe condition of Hager and Zhang
 * (SIAM J. Optim. 16, 170 (2005), eq. 4.1): accept when phi(t) <= phi(0) + eps_E and
 * phi'(t) <= (2 delta - 1) phi'(0), which for a locally quadratic phi is the same sufficient decrease
 * measured through the slope, where it is accurate. Either way the accepted step decreases the energy up
 * to its rounding noise, so the iteration cannot climb.
 *
 * <p>A trial where the potential is not finite (atoms pushed onto each other) is a step too long: the search
 * goes back to a tenth of it, as for a rejected trial with no usable interpolant.
 */
final class LineSearch {
    static final double C1 = 1e-4;
    private static final int MAX_TRIALS = 30;

    /**
     * Outcome: accepted step length (or -1 on failure) and the energy there; {@code nonFinite} is the message
     * of the last trial at which the potential was not finite, null if there was none.
     */
    record Step(double t, double energy, int trials, String nonFinite) {
    }

    private LineSearch() {
    }

    /**
     * Searches from t = 1 along d from x (energy e0, gradient g0); on success x + t d and its gradient are
     * left in xNew and gNew.
     */
    static Step search(Objective obj, double[] x, double e0, double[] g0, double[] d, double[] xNew, double[] gNew,
                       int budget) {
        double slope0 = dot(g0, d);
        double noise = 1e-13 * Math.max(1.0, Math.abs(e0)) + 1e-14 * x.length;
        double t = 1.0;
        String nonFinite = null;
        for (int trial = 1; trial <= Math.min(MAX_TRIALS, budget); trial++) {
            for (int k = 0; k < x.length; k++) {
                xNew[k] = x[k] + t * d[k];
            }
            double e;
            try {
                e = obj.evaluate(xNew, gNew);
            } catch (NonFiniteEvaluationException ex) {
                nonFinite = ex.getMessage();
                t *= 0.1;
                continue;
            }
            if (e <= e0 + C1 * t * slope0) {
                return new Step(t, e, trial, nonFinite);
            }
            double slope = dot(gNew, d);
            if (e <= e0 + noise && slope <= (2 * C1 - 1) * slope0) {
                return new Step(t, e, trial, nonFinite);
            }
            t = next(t, e - e0, slope0, slope, noise);
        }
        return new Step(-1, Double.NaN, Math.min(MAX_TRIALS, budget), nonFinite);
    }

    /**
     * The next, shorter trial after t was rejected, kept within [0.1 t, 0.5 t]. phi(t) - phi(0) = de and both
     * slopes are known (the gradient at the trial comes with the energy). If de is at the rounding noise of
     * the energy it carries no information and the step is chosen from the slopes alone, by the secant
     * (the zero of the linear interpolant of phi'); otherwise by the minimiser of the cubic through phi(0),
     * phi'(0), phi(t), phi'(t) (Nocedal and Wright eq. 3.59), or of the quadratic through phi(0), phi'(0),
     * phi(t) if the cubic has none.
     */
    static double next(double t, double de, double slope0, double slope, double noise) {
        double tn;
        if (Math.abs(de) <= noise && slope > slope0) {
            tn = t * slope0 / (slope0 - slope);
        } else {
            double d1 = slope0 + slope - 3 * de / t;
            double disc = d1 * d1 - slope0 * slope;
            if (disc >= 0) {
                double d2 = Math.sqrt(disc);
                tn = t - t * (slope + d2 - d1) / (slope - slope0 + 2 * d2);
            } else {
                double denom = 2 * (de - slope0 * t);
                tn = denom > 0 ? -slope0 * t * t / denom : 0.5 * t;
            }
        }
        if (!Double.isFinite(tn)) {
            tn = 0.5 * t;
        }
        return Math.max(0.1 * t, Math.min(0.5 * t, tn));
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
