package org.burgers.core.basis;

/**
 * Features of one structure for a linear model with {@code size} basis functions.
 *
 * @param energy per basis function, summed over sites (length size)
 * @param forces -d(energy feature)/dx, layout {@code forces[(3 * atom + axis) * size + k]}, or null
 * @param virial virial of each feature, layout {@code virial[(3 * a + b) * size + k]}, or null
 */
public record Features(int size, int atoms, double[] energy, double[] forces, double[] virial) {

    public double force(int atom, int axis, int k) {
        return forces[(3 * atom + axis) * size + k];
    }

    public double virial(int a, int b, int k) {
        return virial[(3 * a + b) * size + k];
    }
}
