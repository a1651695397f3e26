package org.burgers.fitting.loss;

import org.burgers.core.basis.LinearBasis;
import org.burgers.core.elasticity.CauchyBorn;
import org.burgers.core.elasticity.LinearCauchyBorn;
import org.burgers.core.elasticity.MultilatticeCauchyBorn;
import org.burgers.core.potential.Potential;
import org.burgers.core.structure.Structure;

/**
 * The elastic observations of one crystal (paper (3.12), (A.8)): the reference potential's second and third
 * derivatives of the Cauchy-Born energy density at the reference state, and the same tensors of every basis
 * function (linear in the coefficients, hence rows), over D variables:
 * <ul>
 *   <li>D = 9, the deformation gradient F: the clamped-ion d_F^2 W_cb(I) (81 numbers) and d_F^3 W_cb(I)
 *       (729). On Bravais lattices, and on multilattices whose sites are inversion centres (B2), a strain
 *       does not move the sublattices against each other and these are the relaxed-ion tensors.</li>
 *   <li>D = 9 + 3 (S - 1), F and the shifts of the sublattices ({@link MultilatticeCauchyBorn}), when the
 *       reference couples strain and shift (diamond: Kleinman internal strain). The far field follows the
 *       relaxed-ion tensor {@code W_FF - W_Fp W_pp^-1 W_pF}, which is not linear in the coefficients; its
 *       three blocks are, and matching them matches it.</li>
 * </ul>
 *
 * Which variables the third-order rows take is a choice ({@link Shifts}): the relaxed-ion third-order tensor
 * needs every mixed derivative, but measured on the modified-Tersoff Si those 364 rows cost the fit half its
 * force accuracy (docs/study.md), so by default the third-order rows are those of the strain alone.
 *
 * @param name e.g. {@code bcc W a=3.14339}
 * @param dimension D, the number of variables of the second-order rows
 * @param referenceD2 the reference's second derivatives, layout {@code [D i + j]} (eV/A^3)
 * @param basisD2 rows {@code [(D i + j) * size + k]}
 * @param dimension3 D3, the number of variables of the third-order rows (9, or D)
 * @param referenceD3 the third, {@code [(D3 i + j) D3 + l]}, or null without third-order rows
 * @param basisD3 rows {@code [((D3 i + j) D3 + l) * size + k]}, or null when W_d2V = 0
 */
public record ElasticObservation(String name, int dimension, double[] referenceD2, double[] basisD2,
        int dimension3, double[] referenceD3, double[] basisD3, int size) {

    /** Where the sublattice shifts enter the rows of a lattice that couples them to strain. */
    public enum Shifts {
        /** Nowhere: clamped-ion tensors only (the rows before the multilattice ones; wrong C for diamond). */
        NONE,
        /** In the second-order rows (so the relaxed-ion C is matched); third order over the strain alone. */
        SECOND_ORDER,
        /** In the second- and third-order rows. */
        ALL_ORDERS;

        /** "none", "second-order", "all-orders" (case-insensitive); null gives the default, SECOND_ORDER. */
        public static Shifts parse(String text) {
            return org.burgers.core.Choices.parse(Shifts.class, text, SECOND_ORDER, "elastic shifts");
        }
    }

    /** Largest strain-shift coupling, relative to the largest clamped constant, still taken as zero. */
    static final double NO_COUPLING = 1e-6;

    /**
     * Computes both sides on the unit cell, with the sublattice shifts as variables when the reference
     * couples them to strain; d3 only when {@code withThirdOrder}.
     */
    public static ElasticObservation of(String name, Potential reference, LinearBasis basis, Structure unitCell,
            boolean withThirdOrder) {
        return of(name, reference, basis, unitCell, withThirdOrder, Shifts.SECOND_ORDER);
    }

    /** As above, with the shifts where {@code shifts} says (when the lattice couples them to strain at all). */
    public static ElasticObservation of(String name, Potential reference, LinearBasis basis, Structure unitCell,
            boolean withThirdOrder, Shifts shifts) {
        if (shifts != Shifts.NONE) {
            MultilatticeCauchyBorn ref = MultilatticeCauchyBorn.of(reference, unitCell);
            if (ref.dimension() > 9 && couplesStrainAndShift(ref.d2(), ref.dimension())) {
                MultilatticeCauchyBorn lin = MultilatticeCauchyBorn.of(basis, unitCell);
                if (shifts == Shifts.ALL_ORDERS) {
                    return new ElasticObservation(name + " (sublattice shifts, all orders)", ref.dimension(),
                            ref.d2(), lin.d2(), ref.dimension(), withThirdOrder ? ref.d3() : null,
                            withThirdOrder ? lin.d3() : null, basis.size());
                }
                return new ElasticObservation(name + " (sublattice shifts)", ref.dimension(), ref.d2(), lin.d2(), 9,
                        withThirdOrder ? CauchyBorn.of(reference, unitCell, CauchyBorn.Ions.CLAMPED).d3() : null,
                        withThirdOrder ? LinearCauchyBorn.of(basis, unitCell).d3() : null, basis.size());
            }
        }
        CauchyBorn ref = CauchyBorn.of(reference, unitCell, CauchyBorn.Ions.CLAMPED);
        LinearCauchyBorn lin = LinearCauchyBorn.of(basis, unitCell);
        return new ElasticObservation(name, 9, ref.d2(), lin.d2(), 9, withThirdOrder ? ref.d3() : null,
                withThirdOrder ? lin.d3() : null, basis.size());
    }

    static boolean couplesStrainAndShift(double[] h, int dim) {
        double strain = 0, coupling = 0;
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < dim; j++) {
                double v = Math.abs(h[dim * i + j]);
                if (j < 9) {
                    strain = Math.max(strain, v);
                } else {
                    coupling = Math.max(coupling, v);
                }
            }
        }
        return coupling > NO_COUPLING * strain;
    }

    /** The second derivatives of the model with coefficients c (D x D). */
    public double[] modelD2(double[] c) {
        return contract(basisD2, c, dimension * dimension);
    }

    /** The third derivatives of the model with coefficients c (null without third-order rows). */
    public double[] modelD3(double[] c) {
        return basisD3 == null ? null : contract(basisD3, c, dimension3 * dimension3 * dimension3);
    }

    /** The reference's relaxed-ion d_F^2 W_cb(I) (81; the clamped one when D = 9). */
    public double[] referenceRelaxedD2() {
        return MultilatticeCauchyBorn.relaxedD2(referenceD2, dimension);
    }

    /**
     * The model's relaxed-ion d_F^2 W_cb(I) (81), or null when its W_pp is not positive definite (the
     * model's crystal is unstable against a shift of its sublattices).
     */
    public double[] modelRelaxedD2(double[] c) {
        try {
            return MultilatticeCauchyBorn.relaxedD2(modelD2(c), dimension);
        } catch (IllegalArgumentException e) {
            return null;
        }
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

    /**
     * eps_1^V: the Frobenius norm of the difference of the second derivatives over all D^2 components
     * (eV/A^3): the quantity the d1V rows minimise; with D = 9, |d_F^2 W_cb - d_F^2 W_cb^ML|.
     */
    public double eps1(double[] c) {
        return frobenius(referenceD2, modelD2(c));
    }

    /** eps_2^V over the D3^3 components, or NaN when the third-order tensors were not computed. */
    public double eps2(double[] c) {
        return basisD3 == null ? Double.NaN : frobenius(referenceD3, modelD3(c));
    }

    /**
     * |C_rel - C_rel^ML| over the 81 components of the relaxed-ion tensors (eV/A^3; equal to eps1 when
     * D = 9), infinite when the model's sublattice shift is unstable.
     */
    public double eps1Relaxed(double[] c) {
        double[] m = modelRelaxedD2(c);
        return m == null ? Double.POSITIVE_INFINITY : frobenius(referenceRelaxedD2(), m);
    }

    static double frobenius(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }
}
