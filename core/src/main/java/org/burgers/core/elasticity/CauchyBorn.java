package org.burgers.core.elasticity;

import org.burgers.core.InputException;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;

/**
 * The Cauchy-Born energy density of a potential on a periodic unit cell (with a basis):
 * {@code W_cb(F) = E(cell and atoms deformed by F) / V0} (paper (A.6), DESIGN.md s.3-4), its first
 * Piola-Kirchhoff stress {@code P = d_F W_cb = -(1/V0) W^T F^-T} from the analytic virial W, and the
 * tensors {@code d_F^2 W_cb(I)} (81 numbers) and {@code d_F^3 W_cb(I)} (729) of (A.7)-(A.8).
 *
 * <p>With {@link Ions#RELAXED} the internal shifts of the basis atoms are relaxed at every F,
 * {@code W_cb(F) = min_p W(F, p)} (relaxed-ion constants; needed for diamond). By the envelope theorem the
 * stress of the relaxed cell is still {@code -(1/V0) W^T F^-T}, so the derivatives are differences of it.
 * The reference cell itself is relaxed at F = I first (so a basis given slightly off equilibrium is fine).
 *
 * <p>Index convention everywhere: F and P row-major, I = 3a + b for F_ab;
 * {@code d2[9 * I + J]}, {@code d3[81 * I + 9 * J + K]}. Units eV/A^3 (see {@link Voigt} for GPa).
 * Immutable and thread-safe; the derivative tensors are computed once, on first use.
 */
public final class CauchyBorn {

    /** Whether the basis atoms follow F affinely (clamped) or relax their internal shifts (relaxed). */
    public enum Ions { CLAMPED, RELAXED }

    private final Potential potential;
    private final Structure reference;
    private final Ions ions;
    private final double v0;
    private volatile double[] d2;
    private volatile double[] d3;

    private CauchyBorn(Potential potential, Structure reference, Ions ions) {
        this.potential = potential;
        this.reference = reference;
        this.ions = ions;
        this.v0 = reference.cell().volume();
    }

    /**
     * @param unitCell a fully periodic cell (any number of basis atoms) at the reference state F = I
     */
    public static CauchyBorn of(Potential potential, Structure unitCell, Ions ions) {
        UnitCells.requirePeriodic(unitCell);
        UnitCells.requireAtoms(unitCell);
        potential.checkSpecies(unitCell);
        Structure ref = ions == Ions.RELAXED ? InternalRelaxation.relax(potential, unitCell) : unitCell;
        return new CauchyBorn(potential, ref, ions);
    }

    public Ions ions() {
        return ions;
    }

    /** The reference cell (internally relaxed at F = I when {@link Ions#RELAXED}). */
    public Structure reference() {
        return reference;
    }

    /** V0: the reference cell volume, A^3. */
    public double referenceVolume() {
        return v0;
    }

    /** The unit cell deformed by F (row-major 3x3), with relaxed internal shifts when RELAXED. */
    public Structure deformed(double[] f) {
        checkF(f);
        Structure s = reference.deformed(f);
        return ions == Ions.RELAXED ? InternalRelaxation.relax(potential, s) : s;
    }

    /** W_cb(F) in eV/A^3. */
    public double energyDensity(double[] f) {
        return potential.energy(deformed(f)) / v0;
    }

    /** The first Piola-Kirchhoff stress P_ab = dW_cb/dF_ab at F (9 numbers, eV/A^3). */
    public double[] stress(double[] f) {
        Evaluation e = potential.evaluate(deformed(f), Request.FORCES);
        double[] p = new double[9];
        StressDifferences.piolaFromVirial(e.virial(), 1, 0, f, v0, p, 1, 0);
        return p;
    }

    /** d_F^2 W_cb(I), layout {@code [9 * (3a+b) + (3c+d)]}, eV/A^3 (a copy). */
    public double[] d2() {
        double[] t = d2;
        if (t == null) {
            t = StressDifferences.second(this::stress, 1);
            d2 = t;
        }
        return t.clone();
    }

    /** d_F^3 W_cb(I), layout {@code [81 * (3a+b) + 9 * (3c+d) + (3e+f)]}, eV/A^3 (a copy). */
    public double[] d3() {
        double[] t = d3;
        if (t == null) {
            t = StressDifferences.third(this::stress, 1);
            d3 = t;
        }
        return t.clone();
    }

    /** Voigt 6x6 elastic constants in GPa (the minor-symmetrised d2; the elastic constants at zero stress). */
    public double[][] voigtGPa() {
        return Voigt.scale(Voigt.second(d2()), Voigt.GPA_PER_EV_A3);
    }

    /** Voigt 6x6x6 third-order constants in GPa (the minor-symmetrised d3; see {@link Voigt}). */
    public double[][][] voigt3GPa() {
        return Voigt.scale(Voigt.third(d3()), Voigt.GPA_PER_EV_A3);
    }

    private static void checkF(double[] f) {
        if (f.length != 9) {
            throw new IllegalArgumentException("F needs 9 numbers (row-major 3x3), got " + f.length);
        }
        for (double v : f) {
            if (!Double.isFinite(v)) {
                throw new InputException("deformation gradient has a non-finite component " + v);
            }
        }
    }
}
