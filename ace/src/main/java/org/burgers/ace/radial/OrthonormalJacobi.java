package org.burgers.ace.radial;

/**
 * Polynomials p_0..p_(n-1) on [-1, 1] orthonormal for the symmetric Jacobi weight (1 - y^2)^alpha, from the
 * three-term recursion {@code b_(k+1) p_(k+1) = y p_k - b_k p_(k-1)} with
 * {@code b_k^2 = k (k + 2 alpha) / ((2k + 2 alpha + 1)(2k + 2 alpha - 1))} (Gegenbauer lambda = alpha + 1/2;
 * Szego, Orthogonal Polynomials, ch. 4). alpha = 0 gives orthonormal Legendre polynomials.
 */
public final class OrthonormalJacobi {
    private final int count;
    private final double p0;
    private final double[] bk;
    private final double[] inv;   // 1 / b_k: the recursion then needs no division

    public OrthonormalJacobi(int count, int alpha) {
        this.count = count;
        // integral of (1 - y^2)^alpha over [-1, 1] = 2^(2 alpha + 1) (alpha!)^2 / (2 alpha + 1)!
        double w = Math.pow(2, 2 * alpha + 1);
        for (int k = 1; k <= alpha; k++) {
            w *= k;
        }
        for (int k = 1; k <= alpha; k++) {
            w *= k;
        }
        for (int k = 2; k <= 2 * alpha + 1; k++) {
            w /= k;
        }
        p0 = 1.0 / Math.sqrt(w);
        bk = new double[Math.max(count, 1) + 1];
        for (int k = 1; k < bk.length; k++) {
            bk[k] = Math.sqrt(k * (k + 2.0 * alpha) / ((2.0 * k + 2 * alpha + 1) * (2.0 * k + 2 * alpha - 1)));
        }
        inv = new double[bk.length];
        for (int k = 1; k < bk.length; k++) {
            inv[k] = 1.0 / bk[k];
        }
    }

    public int count() {
        return count;
    }

    /** p[o + k] and dp[o + k] = dp_k/dy for k < count. */
    public void evaluate(double y, double[] p, double[] dp, int o) {
        if (count == 0) {
            return;
        }
        p[o] = p0;
        dp[o] = 0;
        if (count == 1) {
            return;
        }
        p[o + 1] = y * p0 * inv[1];
        dp[o + 1] = p0 * inv[1];
        for (int k = 1; k + 1 < count; k++) {
            p[o + k + 1] = (y * p[o + k] - bk[k] * p[o + k - 1]) * inv[k + 1];
            dp[o + k + 1] = (p[o + k] + y * dp[o + k] - bk[k] * dp[o + k - 1]) * inv[k + 1];
        }
    }

    /**
     * {@code sum_k c[o + k] p_k(y)} and its y-derivative for k < count by Clenshaw's backward recurrence
     * (no per-term stores; what a contracted potential needs): with beta_k = c_k + (y / b_(k+1)) beta_(k+1)
     * - (b_(k+1) / b_(k+2)) beta_(k+2), the sum is p0 beta_0; differentiating the recurrence gives the
     * derivative. out[0] = sum, out[1] = d sum / dy.
     */
    public void contract(double y, double[] c, int o, double[] out) {
        double b1 = 0, b2 = 0, d1 = 0, d2 = 0;
        for (int k = count - 1; k >= 0; k--) {
            double f = inv[k + 1];
            double g = k + 2 < bk.length ? bk[k + 1] * inv[k + 2] : 0.0;
            double b0 = c[o + k] + y * f * b1 - g * b2;
            double d0 = f * b1 + y * f * d1 - g * d2;
            b2 = b1;
            b1 = b0;
            d2 = d1;
            d1 = d0;
        }
        out[0] = p0 * b1;
        out[1] = p0 * d1;
    }
}
