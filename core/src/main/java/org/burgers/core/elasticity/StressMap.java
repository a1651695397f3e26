package org.burgers.core.elasticity;

/**
 * A first Piola-Kirchhoff stress field F -> P(F) = d_F W(F) of m energy densities at once (m = 1 for a
 * potential, m = number of basis functions for a linear basis). Layout of the result:
 * {@code P[(3 * a + b) * m + k]} for component P_ab of density k.
 */
@FunctionalInterface
interface StressMap {
    double[] at(double[] f);
}
