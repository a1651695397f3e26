package org.burgers.ace.basis;

/**
 * The basis functions of one multiset of one-particle functions (z_t, n_t, l_t), t = 1..nu: {@code rank}
 * functions {@code B_f = sum_e u[f * nodes.length + e] AA[nodes[e]]}, where node e is the product of the
 * densities {@code A[factorA[e * nu + s]]}, s < nu. For derivatives the densities the group touches are laid
 * out locally: distinct blocks {@code localBlock[d]} (global block id z * nBlocks + b) at {@code localOff[d]},
 * and {@code factorLocal[e * nu + s]} is the local index of factor s.
 */
record Group(int nu, int[] blocks, int rank, int colStart, int[] nodes, double[] u, int[] factorA,
             int[] factorLocal, int[] localBlock, int[] localOff, int nLocal) {
}
