package org.burgers.fitting.solve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.burgers.core.InputException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Least squares by Householder QR of the column-scaled design (LAPACK dgeqrf through ND4J, in place: the
 * design matrix of the system is overwritten by Q). Columns are scaled to unit 2-norm first, which removes the
 * part of the ill-conditioning that comes from the units of the basis functions. The small triangular factor
 * R is then decomposed by SVD (EJML) so that the condition number is known exactly: below {@code rcond} a
 * singular value counts as zero (rank deficiency, warned, minimum-norm solution in scaled coordinates); a
 * condition number above {@link #WARN_CONDITION} is warned (the coefficients are then determined only to about
 * cond * 1e-16 relative, the same as for any backward-stable method, e.g. an SVD of A).
 */
public final class QrSolver implements Solver {
    public static final double WARN_CONDITION = 1e10;
    private final double rcond;

    /** @param rcond relative singular-value cut-off; non-positive selects max(m, n) * machine epsilon */
    public QrSolver(double rcond) {
        this.rcond = rcond;
    }

    public QrSolver() {
        this(-1);
    }

    @Override
    public String name() {
        return "qr";
    }

    @Override
    public Solution solve(LinearSystem sys) {
        int m = sys.rows();
        int n = sys.cols();
        if (m < n) {
            throw new InputException("qr solver: the system has " + m + " rows for " + n
                    + " coefficients (underdetermined); add data or use ridge, blr or ard");
        }
        List<String> warnings = new ArrayList<>();
        INDArray a = sys.design();
        double[] scale = a.norm2(0).data().asDouble();
        for (int j = 0; j < n; j++) {
            if (!(scale[j] > 0)) {
                if (!Double.isFinite(scale[j])) {
                    throw new InputException("qr solver: column " + j + " of the design matrix is not finite");
                }
                warnings.add("column " + j + " is identically zero: its coefficient is undetermined and set to 0");
                scale[j] = 1;
            }
        }
        a.diviRowVector(Nd4j.createFromArray(scale).reshape(1, n));
        INDArray r = Nd4jBlas.zeros(n, n);
        Nd4j.getBlasWrapper().lapack().geqrf(a, r); // a <- Q (m x n), r <- R
        double[] y;
        try (INDArray qtb = Nd4jBlas.transposeTimes(a, sys.target())) {
            y = qtb.data().asDouble(); // Q^T b
        }
        double bb = Math.pow(sys.target().norm2Number().doubleValue(), 2);
        double yy = 0;
        for (double v : y) {
            yy += v * v;
        }

        DMatrixRMaj rm = new DMatrixRMaj(n, n);
        double[] rc;
        try (INDArray rf = r.dup('f')) {
            rc = rf.data().asDouble();
        }
        Nd4jBlas.release(r);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                rm.set(i, j, rc[j * n + i]);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, n, true, true, false);
        if (!svd.decompose(rm)) {
            throw new ArithmeticException("qr solver: SVD of R did not converge");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        double smax = w.get(0, 0);
        double cut = (rcond > 0 ? rcond : Math.max(m, n) * Math.ulp(1.0)) * smax;
        int rank = 0;
        double[] uty = new double[n];
        DMatrixRMaj ym = new DMatrixRMaj(n, 1, true, y);
        DMatrixRMaj utym = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.multTransA(u, ym, utym);
        for (int k = 0; k < n; k++) {
            double s = w.get(k, k);
            if (s > cut) {
                uty[k] = utym.get(k) / s;
                rank++;
            }
        }
        double smin = w.get(n - 1, n - 1);
        double cond = smin > 0 ? smax / smin : Double.POSITIVE_INFINITY;
        if (rank < n) {
            warnings.add(String.format("rank-deficient system: %d of %d scaled singular values below %.3g * s_max; "
                    + "returning the minimum-norm solution over the other %d directions", n - rank, n, cut / smax, rank));
        } else if (cond > WARN_CONDITION) {
            warnings.add(String.format("ill-conditioned system (condition number %.3g after column scaling): "
                    + "coefficients are determined to about %.1g relative", cond, cond * Math.ulp(1.0)));
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < rank; k++) {
                s += v.get(i, k) * uty[k];
            }
            x[i] = s / scale[i];
        }
        Map<String, Object> diag = new LinkedHashMap<>();
        diag.put("conditionNumber", cond);
        diag.put("rank", rank);
        diag.put("residualNorm2", Math.max(0, bb - yy));
        return new Solution(name(), x, warnings, diag);
    }
}
