package org.burgers.ace.coupling;

/**
 * The rotation- and reflection-invariant, permutation-symmetric linear combinations of products of real
 * spherical harmonics {@code prod_t Y_(l_t m_t)} for one tuple l: {@code u[i][k]} multiplies the product with
 * the canonical m-tuple {@code tuples[k]} (m sorted within each class of identical one-particle functions).
 * The rows are orthonormal; their number is the count of independent invariants.
 */
public record Invariants(int[] l, int[] classes, int[][] tuples, double[][] u) {
    public int rank() {
        return u.length;
    }
}
