package org.burgers.core.elasticity;

import org.burgers.core.basis.Features;
import org.burgers.core.basis.LinearBasis;
import org.burgers.core.structure.Structure;

/**
 * The Cauchy-Born energy density of every function of a {@link LinearBasis} at once, clamped-ion
 * (atoms follow F affinely): {@code W_k(F) = B_k(unit cell deformed by F) / V0}. Because a linear model's
 * {@code W_cb^ML = sum_k c_k W_k}, the tensors {@code d_F^2 W_cb^ML(I)} and {@code d_F^3 W_cb^ML(I)} are the
 * rows returned here times c: the elastic rows of the loss (paper (3.12), (4.16)).
 *
 * <p>Relaxed-ion constants are not linear in c (the relaxed shifts depend on c), so this class is
 * clamped-ion only; compare it with a {@link CauchyBorn} in {@link CauchyBorn.Ions#CLAMPED} mode.
 *
 * <p>Layouts (size = number of basis functions, I = 3a+b): energy density {@code [k]}, stress
 * {@code [I * size + k]}, d2 {@code [(9 * I + J) * size + k]}, d3 {@code [(81 * I + 9 * J + K) * size + k]};
 * eV/A^3 per unit coefficient. Immutable; the tensors are computed once, on first use.
 */
public final class LinearCauchyBorn {
    private final LinearBasis basis;
    private final Structure reference;
    private final double v0;
    private volatile double[] d2;
    private volatile double[] d3;

    private LinearCauchyBorn(LinearBasis basis, Structure reference) {
        this.basis = basis;
        this.reference = reference;
        this.v0 = reference.cell().volume();
    }

    public static LinearCauchyBorn of(LinearBasis basis, Structure unitCell) {
        UnitCells.requirePeriodic(unitCell);
        UnitCells.requireCovered(basis, unitCell);
        return new LinearCauchyBorn(basis, unitCell);
    }

    public int size() {
        return basis.size();
    }

    public Structure reference() {
        return reference;
    }

    public double referenceVolume() {
        return v0;
    }

    /** W_k(F) for every basis function k (eV/A^3 per unit coefficient). */
    public double[] energyDensity(double[] f) {
        Features ft = basis.features(reference.deformed(f), false, false);
        double[] w = ft.energy().clone();
        for (int k = 0; k < w.length; k++) {
            w[k] /= v0;
        }
        return w;
    }

    /** P_k(F) = -(1/V0) W_k^T F^-T from the virial features, layout {@code [(3a+b) * size + k]}. */
    public double[] stress(double[] f) {
        int m = basis.size();
        Features ft = basis.features(reference.deformed(f), false, true);
        double[] p = new double[9 * m];
        for (int k = 0; k < m; k++) {
            StressDifferences.piolaFromVirial(ft.virial(), m, k, f, v0, p, m, k);
        }
        return p;
    }

    /** Rows of d_F^2 W_cb(I): {@code [(9 * (3a+b) + (3c+d)) * size + k]} (a copy). */
    public double[] d2() {
        double[] t = d2;
        if (t == null) {
            t = StressDifferences.second(this::stress, basis.size());
            d2 = t;
        }
        return t.clone();
    }

    /** Rows of d_F^3 W_cb(I): {@code [(81 * I + 9 * J + K) * size + k]} (a copy). */
    public double[] d3() {
        double[] t = d3;
        if (t == null) {
            t = StressDifferences.third(this::stress, basis.size());
            d3 = t;
        }
        return t.clone();
    }

    /** The d2 tensor of basis function k alone (81 numbers), e.g. to hand to {@link Voigt}. */
    public static double[] column(double[] rows, int size, int k) {
        double[] c = new double[rows.length / size];
        for (int q = 0; q < c.length; q++) {
            c[q] = rows[q * size + k];
        }
        return c;
    }
}
