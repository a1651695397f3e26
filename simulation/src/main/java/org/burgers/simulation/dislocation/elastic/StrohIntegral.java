package org.burgers.simulation.dislocation.elastic;

import org.burgers.core.InputException;

/**
 * The straight-dislocation field in the integral (Barnett-Lothe) form of the Stroh theory, free of any
 * eigen-decomposition and so exact for isotropic and nearly isotropic crystals (W with the Marinica
 * potential has a Zener ratio of about 1.003, where the sextic eigenvectors coalesce).
 *
 * <p>Derivation (Ting 1996, ch. 7): the sextic eigenvectors {@code xi_a} of {@code N} are also eigenvectors of
 * the rotated {@code N(w)} with eigenvalues {@code p_a(w)}, and {@code int_0^theta p_a(w) dw =
 * ln(cos theta + p_a sin theta)}. Writing {@code ln z_a = ln r + ln(cos theta + p_a sin theta)} in the Stroh
 * solution {@code u = (1/pi) Im sum_a A_a (L_a.b) ln z_a} (normalisation {@code 2 A_a.L_a = 1}) and using the
 * spectral form of {@code Lambda(theta) = int_0^theta N(w) dw} gives the real formula
 * <pre>  (u, phi) = -(1/2pi) Ntilde [ln r I + Lambda(theta)] (b, 0),   Ntilde = Lambda(pi)/pi = [[S, H], [-L, S^T]]</pre>
 * with {@code theta} in [0, 2 pi) (branch cut along +x), {@code Lambda(theta + pi) = Lambda(theta) + Lambda(pi)},
 * and {@code Ntilde^2 = -I} (so the jump across the cut is exactly b). The gradient follows from
 * {@code d/dr = 1/r} and {@code d/dtheta Lambda = N(theta)}. {@code Lambda} is tabulated on [0, pi] by
 * Gauss-Legendre panels and interpolated by cubic Hermite with the exact derivative {@code N(theta)}.
 */
public final class StrohIntegral implements LineDislocationField {
    private static final int PANELS = 1024;
    private static final double[] GL_X = {-0.9324695142031521, -0.6612093864662645, -0.2386191860831969,
        0.2386191860831969, 0.6612093864662645, 0.9324695142031521};
    private static final double[] GL_W = {0.1713244923791704, 0.3607615730481386, 0.4679139345726910,
        0.4679139345726910, 0.3607615730481386, 0.1713244923791704};

    private final ElasticTensor constants;
    private final double[] b;
    private final double[] ntilde = new double[36];
    private final double[] sb = new double[3];        // S b
    private final double[] table;                     // per node: G (3), G' (3)
    private final double h = Math.PI / PANELS;
    private final StrohMatrices work;
    private final double[] nb = new double[6];

    /**
     * @param constants elastic tensor in the dislocation frame (line along z)
     * @param burgers   Burgers vector in the dislocation frame
     */
    public StrohIntegral(ElasticTensor constants, double[] burgers) {
        if (burgers.length != 3 || !(Math.abs(burgers[0]) + Math.abs(burgers[1]) + Math.abs(burgers[2]) > 0)) {
            throw new InputException("Burgers vector must be a non-zero 3-vector");
        }
        this.constants = constants;
        this.b = burgers.clone();
        this.work = new StrohMatrices(constants);
        double[][] lambda = new double[PANELS + 1][36];
        double[] n = new double[36];
        double[] acc = new double[36];
        for (int k = 0; k < PANELS; k++) {
            double a = k * h;
            for (int g = 0; g < GL_X.length; g++) {
                work.n(a + 0.5 * h * (1 + GL_X[g]), n);
                double w = 0.5 * h * GL_W[g];
                for (int p = 0; p < 36; p++) {
                    acc[p] += w * n[p];
                }
            }
            System.arraycopy(acc, 0, lambda[k + 1], 0, 36);
        }
        for (int p = 0; p < 36; p++) {
            ntilde[p] = acc[p] / Math.PI;
        }
        for (int i = 0; i < 3; i++) {
            sb[i] = ntilde[6 * i] * b[0] + ntilde[6 * i + 1] * b[1] + ntilde[6 * i + 2] * b[2];
        }
        table = new double[6 * (PANELS + 1)];
        double[] ld = new double[6];
        for (int k = 0; k <= PANELS; k++) {
            for (int i = 0; i < 6; i++) {
                ld[i] = lambda[k][6 * i] * b[0] + lambda[k][6 * i + 1] * b[1] + lambda[k][6 * i + 2] * b[2];
            }
            topOfNtildeTimes(ld, table, 6 * k);
            work.nTimesB(k * h, b[0], b[1], b[2], nb);
            topOfNtildeTimes(nb, table, 6 * k + 3);
        }
    }

    private void topOfNtildeTimes(double[] v, double[] out, int off) {
        for (int i = 0; i < 3; i++) {
            double s = 0;
            for (int j = 0; j < 6; j++) {
                s += ntilde[6 * i + j] * v[j];
            }
            out[off + i] = s;
        }
    }

    @Override
    public double[] burgers() {
        return b.clone();
    }

    @Override
    public ElasticTensor constants() {
        return constants;
    }

    /** Barnett-Lothe S (3x3 row-major). */
    public double[] s() {
        return block(0, 0, 1);
    }

    /** Barnett-Lothe H. */
    public double[] hTensor() {
        return block(0, 3, 1);
    }

    /** Barnett-Lothe L (symmetric positive definite): the energy-factor tensor. */
    @Override
    public double[] energyTensor() {
        return block(3, 0, -1);
    }

    /** {@code Ntilde = (1/pi) int_0^pi N(w) dw} (6x6 row-major). */
    public double[] ntilde() {
        return ntilde.clone();
    }

    private double[] block(int r0, int c0, double sign) {
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[3 * i + j] = sign * ntilde[6 * (r0 + i) + c0 + j];
            }
        }
        return out;
    }

    @Override
    public void displacement(double x, double y, double[] out, int off) {
        double r2 = x * x + y * y;
        if (!(r2 > 0)) {
            throw new IllegalArgumentException("displacement requested at the dislocation core");
        }
        double theta = Math.atan2(y, x);
        if (theta < 0) {
            theta += 2 * Math.PI;
        }
        boolean lower = theta >= Math.PI;
        double tp = lower ? theta - Math.PI : theta;
        int k = Math.min((int) (tp / h), PANELS - 1);
        double t = (tp - k * h) / h;
        double t2 = t * t;
        double t3 = t2 * t;
        double h00 = 2 * t3 - 3 * t2 + 1;
        double h10 = (t3 - 2 * t2 + t) * h;
        double h01 = -2 * t3 + 3 * t2;
        double h11 = (t3 - t2) * h;
        double lnr = 0.5 * Math.log(r2);
        int a = 6 * k;
        int c = a + 6;
        for (int i = 0; i < 3; i++) {
            double g = h00 * table[a + i] + h10 * table[a + 3 + i] + h01 * table[c + i] + h11 * table[c + 3 + i];
            if (lower) {
                g -= Math.PI * b[i];      // Ntilde Lambda(pi) d = pi Ntilde^2 d = -pi d
            }
            out[off + i] = -(sb[i] * lnr + g) / (2 * Math.PI);
        }
    }

    @Override
    public void gradient(double x, double y, double[] out, int off) {
        double r2 = x * x + y * y;
        if (!(r2 > 0)) {
            throw new IllegalArgumentException("gradient requested at the dislocation core");
        }
        double r = Math.sqrt(r2);
        double c = x / r;
        double s = y / r;
        work.nTimesB(Math.atan2(y, x), b[0], b[1], b[2], nb);
        double f = -1 / (2 * Math.PI * r);
        for (int i = 0; i < 3; i++) {
            double g = 0;
            for (int j = 0; j < 6; j++) {
                g += ntilde[6 * i + j] * nb[j];
            }
            out[off + 3 * i] = f * (c * sb[i] - s * g);
            out[off + 3 * i + 1] = f * (s * sb[i] + c * g);
            out[off + 3 * i + 2] = 0;
        }
    }
}
