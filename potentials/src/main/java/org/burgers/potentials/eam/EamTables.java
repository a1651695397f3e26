package org.burgers.potentials.eam;

import java.util.List;

/**
 * EAM functions tabulated on the common grid LAMMPS' {@code pair_style eam*} builds from a potential file
 * (its {@code file2array} step), before the cubic coefficients are fitted. Arrays are indexed from 0: knot k
 * is LAMMPS' knot k+1, at rho = k*drho or r = k*dr.
 *
 * @param source   where the tables came from (file name or builtin name), for messages
 * @param elements element symbols in file order; index e is the element index used below
 * @param nrho     number of knots of F(rho)
 * @param drho     spacing of the rho grid
 * @param rhomax   density beyond which F is continued linearly (LAMMPS' rhomax)
 * @param nr       number of knots of the r tables
 * @param dr       spacing of the r grid
 * @param cutoff   pair cutoff (A): pairs at r >= cutoff do not interact
 * @param frho     frho[e][k] = F_e(k*drho), eV
 * @param rho      rho[src][dst][k]: density at an atom of element dst due to a neighbour of element src at r = k*dr
 * @param z2r      z2r[a][b][k] = r*phi_ab(r) at r = k*dr (eV*A), symmetric in a, b
 */
public record EamTables(String source, List<String> elements, int nrho, double drho, double rhomax, int nr, double dr,
                        double cutoff, double[][] frho, double[][][] rho, double[][][] z2r) {

    public int elementCount() {
        return elements.size();
    }
}
