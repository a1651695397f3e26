package org.burgers.fitting.loss;

import org.burgers.core.basis.LinearBasis;
import org.burgers.core.elasticity.CauchyBorn;
import org.burgers.core.elasticity.LinearCauchyBorn;
import org.burgers.core.potential.Potential;
import org.burgers.core.structure.Structure;

/**
 * The elastic observations of one crystal (paper (3.12), (A.8)): the reference potential's d_F^2 W_cb(I)
 * (81 numbers) and d_F^3 W_cb(I) (729), and the same tensors of every basis function (linear in the
 * coefficients, hence rows). Clamped-ion Cauchy-Born, so for Bravais lattices (bcc, fcc) the targets are the
 * true ones; the tensors come from core's {@link CauchyBorn} and {@link LinearCauchyBorn}.
 *
 * @param name e.g. {@code bcc W a=3.14339}
 * @param reference d2 and d3 of the reference, layouts {@code [9I+J]}, {@code [81I+9J+K]} (eV/A^3)
 * @param basisD2 rows {@code [(9I+J)*size+k]}
 * @param basisD3 rows {@code [(81I+9J+K)*size+k]}, or null when W_d2V = 0
 */
public record ElasticObservation(String name, double[] referenceD2, double[] referenceD3, double[] basisD2,
        double[] basisD3, int size) {

    /** Computes both sides on the unit cell; d3 only when {@code withThirdOrder}. */
    public static ElasticObservation of(String name, Potential reference, LinearBasis basis, Structure unitCell,
            boolean withThirdOrder) {
        CauchyBorn ref = CauchyBorn.of(reference, unitCell, CauchyBorn.Ions.CLAMPED);
        LinearCauchyBorn lin = LinearCauchyBorn.of(basis, unitCell);
        return new ElasticObservation(name, ref.d2(), withThirdOrder ? ref.d3() : null, lin.d2(),
                withThirdOrder ? lin.d3() : null, basis.size());
    }

    /** d2 of the model with coefficients c. */
    public double[] modelD2(double[] c) {
        return contract(basisD2, c, 81);
    }

    /** d3 of the model with coefficients c (null without third-order rows). */
    public double[] modelD3(double[] c) {
        return basisD3 == null ? null : contract(basisD3, c, 729);
    }

    private double[] contract(double[] rows, double[] c, int q) {
        double[] out = new double[q];
        for (int i = 0; i < q; i++) {
            double s = 0;
            for (int k = 0; k < size; k++) {
                s += rows[i * size + k] * c[k];
            }
            out[i] = s;
        }
        return out;
    }

    /** eps_1^V = |d_F^2 W_cb - d_F^2 W_cb^ML| (Frobenius norm over the 81 components, eV/A^3). */
    public double eps1(double[] c) {
        return frobenius(referenceD2, modelD2(c));
    }

    /** eps_2^V over the 729 components, or NaN when the third-order tensors were not computed. */
    public double eps2(double[] c) {
        return basisD3 == null ? Double.NaN : frobenius(referenceD3, modelD3(c));
    }

    static double frobenius(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
