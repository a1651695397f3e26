package org.burgers.simulation.dislocation.elastic;

import org.burgers.core.InputException;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The classical sextic (eigenvector) form of the Stroh solution (Stroh 1958; Hirth and Lothe, ch. 13):
 * {@code p_a} the three roots with {@code Im p > 0} of {@code det(Q + p (R + R^T) + p^2 T) = 0} (taken as
 * eigenvalues of {@code N}), {@code A_a} the null vectors, {@code L_a = (R^T + p_a T) A_a}, normalised by
 * {@code 2 A_a.L_a = 1}, and
 * <pre>  u = (1/pi) Im sum_a A_a (L_a.b) ln(x + p_a y)</pre>
 * with the logarithm continued so the cut lies along +x. It fails when roots coincide (isotropy): it is
 * the independent cross-check of {@link StrohIntegral} for clearly anisotropic crystals, and refuses
 * near-degenerate ones rather than return a wrong field.
 */
public final class StrohSextic implements LineDislocationField {
    private final ElasticTensor constants;
    private final double[] b;
    private final double[] pr = new double[3];
    private final double[] pi = new double[3];
    // A_a (L_a . b) per root: complex 3-vectors, re and im
    private final double[][] ar = new double[3][3];
    private final double[][] ai = new double[3][3];
    private final double[] lTensor = new double[9];

    public StrohSextic(ElasticTensor constants, double[] burgers) {
        this.constants = constants;
        this.b = burgers.clone();
        StrohMatrices m = new StrohMatrices(constants);
        double[] n = new double[36];
        m.n(0, n);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(6, false);
        if (!eig.decompose(new DMatrixRMaj(6, 6, true, n))) {
            throw new InputException("sextic Stroh eigenproblem did not converge");
        }
        int found = 0;
        for (int i = 0; i < 6; i++) {
            Complex_F64 p = eig.getEigenvalue(i);
            if (p.imaginary > 0) {
                if (found == 3) {
                    throw new InputException("sextic Stroh problem: more than three roots with Im p > 0");
                }
                pr[found] = p.real;
                pi[found] = p.imaginary;
                found++;
            }
        }
        if (found != 3) {
            throw new InputException("sextic Stroh problem: " + found + " roots with Im p > 0 (need 3)");
        }
        for (int a = 0; a < 3; a++) {
            for (int c = 0; c < a; c++) {
                if (Math.hypot(pr[a] - pr[c], pi[a] - pi[c]) < 1e-6) {
                    throw new InputException("sextic Stroh roots p" + c + " and p" + a
                            + " coincide (nearly isotropic crystal): use the integral formalism");
                }
            }
        }
        double[] q = m.q.clone();
        double[] r = m.r.clone();
        double[] t = m.t.clone();
        for (int a = 0; a < 3; a++) {
            // M(p) = Q + p (R + R^T) + p^2 T, complex
            double[] mr = new double[9];
            double[] mi = new double[9];
            double p2r = pr[a] * pr[a] - pi[a] * pi[a];
            double p2i = 2 * pr[a] * pi[a];
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 3; k++) {
                    double rs = r[3 * i + k] + r[3 * k + i];
                    mr[3 * i + k] = q[3 * i + k] + pr[a] * rs + p2r * t[3 * i + k];
                    mi[3 * i + k] = pi[a] * rs + p2i * t[3 * i + k];
                }
            }
            double[] vr = new double[3];
            double[] vi = new double[3];
            nullVector(mr, mi, vr, vi);
            // L = (R^T + p T) A
            double[] lr = new double[3];
            double[] li = new double[3];
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 3; k++) {
                    double cr = r[3 * k + i] + pr[a] * t[3 * i + k];
                    double ci = pi[a] * t[3 * i + k];
                    lr[i] += cr * vr[k] - ci * vi[k];
                    li[i] += cr * vi[k] + ci * vr[k];
                }
            }
            // normalise 2 A.L = 1 (bilinear): scale both by 1/sqrt(2 A.L)
            double dr = 0;
            double di = 0;
            for (int i = 0; i < 3; i++) {
                dr += 2 * (vr[i] * lr[i] - vi[i] * li[i]);
                di += 2 * (vr[i] * li[i] + vi[i] * lr[i]);
            }
            double mod = Math.sqrt(Math.hypot(dr, di));
            double arg = 0.5 * Math.atan2(di, dr);
            double sr = Math.cos(-arg) / mod;
            double si = Math.sin(-arg) / mod;
            double lbr = 0;
            double lbi = 0;
            for (int i = 0; i < 3; i++) {
                double x = vr[i] * sr - vi[i] * si;
                double y = vr[i] * si + vi[i] * sr;
                vr[i] = x;
                vi[i] = y;
                x = lr[i] * sr - li[i] * si;
                y = lr[i] * si + li[i] * sr;
                lr[i] = x;
                li[i] = y;
                lbr += lr[i] * b[i];
                lbi += li[i] * b[i];
            }
            for (int i = 0; i < 3; i++) {
                ar[a][i] = vr[i] * lbr - vi[i] * lbi;
                ai[a][i] = vr[i] * lbi + vi[i] * lbr;
                // Barnett-Lothe L = -2i B B^T, B = L_a columns: L_ij = 2 Im sum_a L_ai L_aj
                for (int j = 0; j < 3; j++) {
                    lTensor[3 * i + j] += 2 * (lr[i] * li[j] + li[i] * lr[j]);
                }
            }
        }
    }

    /** A null vector of a singular complex 3x3 matrix: the largest cross product of two of its rows. */
    private static void nullVector(double[] mr, double[] mi, double[] vr, double[] vi) {
        double best = -1;
        int[][] pairs = {{0, 1}, {0, 2}, {1, 2}};
        for (int[] pq : pairs) {
            double[] cr = new double[3];
            double[] ci = new double[3];
            for (int i = 0; i < 3; i++) {
                int j = (i + 1) % 3;
                int k = (i + 2) % 3;
                // (row_p x row_q)_i = p_j q_k - p_k q_j
                double[] a = cmul(mr[3 * pq[0] + j], mi[3 * pq[0] + j], mr[3 * pq[1] + k], mi[3 * pq[1] + k]);
                double[] c = cmul(mr[3 * pq[0] + k], mi[3 * pq[0] + k], mr[3 * pq[1] + j], mi[3 * pq[1] + j]);
                cr[i] = a[0] - c[0];
                ci[i] = a[1] - c[1];
            }
            double norm = 0;
            for (int i = 0; i < 3; i++) {
                norm += cr[i] * cr[i] + ci[i] * ci[i];
            }
            if (norm > best) {
                best = norm;
                System.arraycopy(cr, 0, vr, 0, 3);
                System.arraycopy(ci, 0, vi, 0, 3);
            }
        }
    }

    private static double[] cmul(double ar, double ai, double br, double bi) {
        return new double[] {ar * br - ai * bi, ar * bi + ai * br};
    }

    public double[] roots() {
        return new double[] {pr[0], pi[0], pr[1], pi[1], pr[2], pi[2]};
    }

    @Override
    public double[] burgers() {
        return b.clone();
    }

    @Override
    public ElasticTensor constants() {
        return constants;
    }

    @Override
    public double[] energyTensor() {
        return lTensor.clone();
    }

    @Override
    public void displacement(double x, double y, double[] out, int off) {
        double r = Math.hypot(x, y);
        double theta = Math.atan2(y, x);
        if (theta < 0) {
            theta += 2 * Math.PI;
        }
        boolean lower = theta >= Math.PI;
        double tp = lower ? theta - Math.PI : theta;
        double c = Math.cos(tp);
        double s = Math.sin(tp);
        for (int i = 0; i < 3; i++) {
            out[off + i] = 0;
        }
        for (int a = 0; a < 3; a++) {
            // ln z = ln r + Log(cos t + p sin t) (+ i pi below the x axis): continuous except across +x
            double wr = c + pr[a] * s;
            double wi = pi[a] * s;
            double lnRe = Math.log(r) + 0.5 * Math.log(wr * wr + wi * wi);
            double lnIm = Math.atan2(wi, wr) + (lower ? Math.PI : 0);
            for (int i = 0; i < 3; i++) {
                out[off + i] += (ar[a][i] * lnIm + ai[a][i] * lnRe) / Math.PI;   // Im(A q ln z) / pi
            }
        }
    }

    @Override
    public void gradient(double x, double y, double[] out, int off) {
        for (int k = 0; k < 9; k++) {
            out[off + k] = 0;
        }
        for (int a = 0; a < 3; a++) {
            // d/dx ln z = 1/z, d/dy ln z = p/z
            double zr = x + pr[a] * y;
            double zi = pi[a] * y;
            double d = zr * zr + zi * zi;
            double izr = zr / d;
            double izi = -zi / d;
            double pzr = pr[a] * izr - pi[a] * izi;
            double pzi = pr[a] * izi + pi[a] * izr;
            for (int i = 0; i < 3; i++) {
                out[off + 3 * i] += (ar[a][i] * izi + ai[a][i] * izr) / Math.PI;
                out[off + 3 * i + 1] += (ar[a][i] * pzi + ai[a][i] * pzr) / Math.PI;
            }
        }
    }
}
