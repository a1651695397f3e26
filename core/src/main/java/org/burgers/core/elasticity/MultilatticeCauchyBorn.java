package org.burgers.core.elasticity;

import org.burgers.core.basis.Features;
import org.burgers.core.basis.LinearBasis;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The multilattice Cauchy-Born energy density with the sublattice shifts as variables of their own,
 * {@code W(F, p) = E(cell deformed by F, atoms of sublattice s at F (x_i + p_s)) / V0} (Olson, Ortner, Wang,
 * Zhang 2023), and its derivatives at (I, 0) in all D = 9 + 3 (S - 1) variables: F row-major, then the
 * shifts of sublattices 1..S-1 (sublattice 0 stays put: a common shift is a rigid translation).
 *
 * <p>Why: on a lattice whose sites are not inversion centres (diamond) a strain moves the sublattices
 * against each other, and the far field of a defect follows the relaxed-ion tensor
 * {@code C_rel = W_FF - W_Fp W_pp^-1 W_pF} (the Schur complement, {@link #relaxedD2}), which is not linear in
 * the coefficients of a linear model. W_FF, W_Fp and W_pp each are, so matching all three (these rows) makes
 * the model's relaxed-ion tensor the reference's; at third order the same holds with every mixed derivative.
 *
 * <p>The shifts are measured in units of a length l (the nearest-neighbour distance), {@code p = l u}, so
 * that every derivative is an energy per volume like the elastic constants and one weight applies to all.
 * Shifts are taken in the reference frame and deformed with the cell, so the stress at fixed u is the
 * virial formula {@code P = -(1/V0) W^T F^-T} exactly, and {@code dW/du_s = -(l/V0) F^T sum_{i in s} f_i}.
 *
 * <p>One implementation serves a potential (m = 1 density) and a {@link LinearBasis} (m = number of
 * functions; the result times c is the tensor of the model with coefficients c). Layouts:
 * {@code d2[(D * i + j) * m + k]}, {@code d3[((D * i + j) * D + l) * m + k]}, eV/A^3. Immutable; the
 * tensors are computed once, on first use.
 */
public final class MultilatticeCauchyBorn {

    /** Virial (9 m, layout [q * m + k]) and forces (3 n m, [q * m + k]) of the densities on a structure. */
    @FunctionalInterface
    private interface Densities {
        double[][] virialAndForces(Structure s);
    }

    private final Densities densities;
    private final int m;
    private final Structure reference;
    private final Sublattices sublattices;
    private final double length;
    private final double v0;
    private final int dim;
    private volatile double[] d2;
    private volatile double[] d3;

    private MultilatticeCauchyBorn(Densities densities, int m, Structure reference) {
        UnitCells.requirePeriodic(reference);
        UnitCells.requireAtoms(reference);
        this.densities = densities;
        this.m = m;
        this.reference = reference;
        this.sublattices = Sublattices.of(reference);
        this.length = Sublattices.nearestNeighbourDistance(reference);
        this.v0 = reference.cell().volume();
        this.dim = 9 + 3 * (sublattices.count() - 1);
    }

    /** The potential's W(F, p) on the unit cell (taken as the reference state: F = I, p = 0). */
    public static MultilatticeCauchyBorn of(Potential potential, Structure unitCell) {
        potential.checkSpecies(unitCell);
        return new MultilatticeCauchyBorn(s -> {
            Evaluation e = potential.evaluate(s, Request.FORCES);
            return new double[][] {e.virial(), e.forces()};
        }, 1, unitCell);
    }

    /** Every basis function's W_k(F, p) at once (rows: the model's tensors are these times c). */
    public static MultilatticeCauchyBorn of(LinearBasis basis, Structure unitCell) {
        UnitCells.requireCovered(basis, unitCell);
        return new MultilatticeCauchyBorn(s -> {
            Features f = basis.features(s, true, true);
            return new double[][] {f.virial(), f.forces()};
        }, basis.size(), unitCell);
    }

    /** D = 9 + 3 (S - 1): the number of variables. */
    public int dimension() {
        return dim;
    }

    /** m: the number of densities (1 for a potential, the basis size for a basis). */
    public int densities() {
        return m;
    }

    public Sublattices sublattices() {
        return sublattices;
    }

    /** l, the unit of the shifts (the nearest-neighbour distance, A). */
    public double shiftLength() {
        return length;
    }

    public Structure reference() {
        return reference;
    }

    /** The cell at z = (F row-major, u of sublattices 1..S-1). */
    public Structure configuration(double[] z) {
        if (z.length != dim) {
            throw new IllegalArgumentException("z needs " + dim + " numbers, got " + z.length);
        }
        double[] x = reference.positions();
        int[] of = sublattices.of();
        for (int i = 0; i < of.length; i++) {
            if (of[i] > 0) {
                for (int a = 0; a < 3; a++) {
                    x[3 * i + a] += length * z[9 + 3 * (of[i] - 1) + a];
                }
            }
        }
        return reference.withPositions(x).deformed(java.util.Arrays.copyOf(z, 9));
    }

    /** The gradient dW/dz at z (D x m values, layout {@code [i * m + k]}, eV/A^3). */
    public double[] gradient(double[] z) {
        double[] f = java.util.Arrays.copyOf(z, 9);
        double[][] vf = densities.virialAndForces(configuration(z));
        double[] g = new double[dim * m];
        for (int k = 0; k < m; k++) {
            StressDifferences.piolaFromVirial(vf[0], m, k, f, v0, g, m, k);
        }
        int[] of = sublattices.of();
        for (int i = 0; i < of.length; i++) {
            if (of[i] == 0) {
                continue;
            }
            int base = 9 + 3 * (of[i] - 1);
            for (int b = 0; b < 3; b++) {
                for (int a = 0; a < 3; a++) {
                    double fab = f[3 * a + b];   // (F^T f)_b = sum_a F_ab f_a
                    for (int k = 0; k < m; k++) {
                        g[(base + b) * m + k] -= length / v0 * fab * vf[1][(3 * i + a) * m + k];
                    }
                }
            }
        }
        return g;
    }

    /** The reference point (I, 0). */
    public double[] origin() {
        double[] z = new double[dim];
        z[0] = z[4] = z[8] = 1;
        return z;
    }

    /** Second derivatives at (I, 0), layout {@code [(D * i + j) * m + k]} (a copy). */
    public double[] d2() {
        double[] t = d2;
        if (t == null) {
            t = StressDifferences.second(this::gradient, m, origin());
            d2 = t;
        }
        return t.clone();
    }

    /** Third derivatives at (I, 0), layout {@code [((D * i + j) * D + l) * m + k]} (a copy). */
    public double[] d3() {
        double[] t = d3;
        if (t == null) {
            t = StressDifferences.third(this::gradient, m, origin());
            d3 = t;
        }
        return t.clone();
    }

    /**
     * The relaxed-ion d_F^2 W_cb(I) (81 numbers) of one density's D x D Hessian: the Schur complement
     * {@code W_FF - W_Fp W_pp^-1 W_pF}, i.e. the second derivative of {@code min_p W(F, p)}.
     *
     * @throws IllegalArgumentException when W_pp is not positive definite (the shifted crystal is unstable)
     */
    public static double[] relaxedD2(double[] hessian, int dim) {
        if (hessian.length != dim * dim) {
            throw new IllegalArgumentException("a " + dim + " x " + dim + " Hessian has " + dim * dim + " entries, got "
                    + hessian.length);
        }
        double[] out = new double[81];
        for (int i = 0; i < 9; i++) {
            System.arraycopy(hessian, dim * i, out, 9 * i, 9);
        }
        int s = dim - 9;
        if (s == 0) {
            return out;
        }
        DMatrixRMaj pp = new DMatrixRMaj(s, s);
        DMatrixRMaj pf = new DMatrixRMaj(s, 9);
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) {
                pp.set(a, b, 0.5 * (hessian[dim * (9 + a) + 9 + b] + hessian[dim * (9 + b) + 9 + a]));
            }
            for (int j = 0; j < 9; j++) {
                pf.set(a, j, 0.5 * (hessian[dim * (9 + a) + j] + hessian[dim * j + 9 + a]));
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(s, 9);
        if (!CommonOps_DDRM.solveSPD(pp.copy(), pf, x)) {
            throw new IllegalArgumentException("W_pp is not positive definite: the crystal is unstable against a "
                    + "relative shift of its sublattices, so no relaxed-ion tensor exists");
        }
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                double c = 0;
                for (int a = 0; a < s; a++) {
                    c += pf.get(a, i) * x.get(a, j);
                }
                out[9 * i + j] -= c;
            }
        }
        return out;
    }
}
