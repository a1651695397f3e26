package org.burgers.analysis.rates;

/**
 * A fitted rate: the slope of the least-squares line through (log x, log y) and its 95% confidence
 * interval (Student t with n - 2 degrees of freedom), the intercept, and the number of points used.
 * With two points the interval is undefined (NaN bounds, reported as null in JSON).
 */
public record Rate(double slope, double ciLow, double ciHigh, double intercept, int points) {

    /** Fits log y = intercept + slope log x over the points with x > 0 and y > 0 (others are skipped). */
    public static Rate fit(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        }
        int n = 0;
        double sx = 0, sy = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                n++;
                sx += Math.log(x[i]);
                sy += Math.log(y[i]);
            }
        }
        if (n < 2) {
            return new Rate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, n);
        }
        double mx = sx / n, my = sy / n, sxx = 0, sxy = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                double dx = Math.log(x[i]) - mx;
                sxx += dx * dx;
                sxy += dx * (Math.log(y[i]) - my);
            }
        }
        if (sxx == 0) {
            return new Rate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, n);
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        if (n == 2) {
            return new Rate(slope, Double.NaN, Double.NaN, intercept, n);
        }
        double rss = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                double r = Math.log(y[i]) - intercept - slope * Math.log(x[i]);
                rss += r * r;
            }
        }
        double se = Math.sqrt(rss / (n - 2) / sxx);
        double t = StudentT.quantile(0.975, n - 2);
        return new Rate(slope, slope - t * se, slope + t * se, intercept, n);
    }
}
