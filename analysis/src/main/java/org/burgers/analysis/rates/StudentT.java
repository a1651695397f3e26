package org.burgers.analysis.rates;

/**
 * Student's t distribution: the CDF through the regularised incomplete beta function (continued fraction,
 * Numerical Recipes' betacf scheme, Lentz's method) and its quantile by bisection. Enough for the 95%
 * confidence intervals of fitted rates with a handful of points.
 */
public final class StudentT {
    private StudentT() {
    }

    /** P(T <= t) for nu degrees of freedom. */
    public static double cdf(double t, double nu) {
        double x = nu / (nu + t * t);
        double tail = 0.5 * regularisedBeta(x, 0.5 * nu, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /** The q-quantile (0 < q < 1) for nu degrees of freedom. */
    public static double quantile(double q, double nu) {
        if (!(q > 0 && q < 1) || !(nu > 0)) {
            throw new IllegalArgumentException("quantile needs 0 < q < 1 and nu > 0, got q=" + q + ", nu=" + nu);
        }
        double lo = -1e3, hi = 1e3;
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            if (cdf(mid, nu) < q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** I_x(a, b). */
    static double regularisedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
        double front = Math.exp(lnFront);
        if (x < (a + 1) / (a + b + 2)) {
            return front * continuedFraction(x, a, b) / a;
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double c = 1, d = 1 - (a + b) * x / (a + 1);
        d = Math.abs(d) < tiny ? tiny : d;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 500; m++) {
            int m2 = 2 * m;
            double num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + num * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + num / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            h *= d * c;
            num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + num * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + num / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-15) {
                break;
            }
        }
        return h;
    }

    /** Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for x > 0. */
    static double logGamma(double x) {
        final double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double s = c[0];
        for (int i = 1; i < 9; i++) {
            s += c[i] / (x + i);
        }
        double t = x + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(s);
    }
}
