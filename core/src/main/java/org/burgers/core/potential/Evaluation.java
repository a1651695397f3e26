package org.burgers.core.potential;

/**
 * The result of evaluating a potential on a structure. Units: eV, eV/A. Arrays are owned by the result
 * and must not be modified.
 *
 * @param energy       total energy
 * @param siteEnergies one energy per atom summing to {@code energy}, or null if not asked
 * @param forces       -dE/dx, flat 3N, or null if not asked
 * @param virial       W = -dE/d(strain) = sum_i r_i (x) f_i, row-major 3x3 (eV; stress = -W/V), or null
 * @param hessian      d^2E/dx dx as 3x3 blocks, or null if not asked
 */
public record Evaluation(double energy, double[] siteEnergies, double[] forces, double[] virial,
                         BlockHessian hessian) {

    public Evaluation {
        if (!Double.isFinite(energy)) {
            throw new ArithmeticException("potential returned a non-finite energy " + energy);
        }
    }

    public static Evaluation energyOnly(double energy) {
        return new Evaluation(energy, null, null, null, null);
    }

    public Evaluation withHessian(BlockHessian h) {
        return new Evaluation(energy, siteEnergies, forces, virial, h);
    }

    /** Largest absolute force component (eV/A): the convergence measure of relaxations. */
    public double maxForceComponent() {
        double m = 0;
        for (double f : forces) {
            m = Math.max(m, Math.abs(f));
        }
        return m;
    }

    /** Cauchy stress -W/V (eV/A^3), row-major. */
    public double[] stress(double volume) {
        double[] s = new double[9];
        for (int k = 0; k < 9; k++) {
            s[k] = -virial[k] / volume;
        }
        return s;
    }
}
