package org.burgers.potentials.sw;

import org.burgers.potentials.TripletPotential;

/**
 * One element triplet of a LAMMPS {@code sw} file, in file order: epsilon (eV), sigma (A), a, lambda, gamma,
 * cos(theta0), A, B, p, q, tol (Stillinger and Weber, Phys. Rev. B 31, 5262 (1985)). The pair term of
 * (i, j) uses entry (i, j, j); the three-body term of (j, i, k) uses (i, j, j) and (i, k, k) for the radial
 * factors and (i, j, k) for lambda, epsilon and cos(theta0), as LAMMPS does. tol is read and ignored, as in
 * LAMMPS' CPU pair_style sw.
 */
public record SwParameters(double epsilon, double sigma, double a, double lambda, double gamma, double cosTheta0,
                           double bigA, double bigB, double p, double q, double tol)
        implements TripletPotential.Parameters {

    /** Cutoff a*sigma. */
    @Override
    public double cut() {
        return a * sigma;
    }
}
