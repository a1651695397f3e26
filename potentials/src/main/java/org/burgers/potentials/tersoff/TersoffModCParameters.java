package org.burgers.potentials.tersoff;

import org.burgers.potentials.TripletPotential;

/**
 * One element triplet (i, j, k) of a LAMMPS {@code tersoff/mod/c} file, with LAMMPS' names: file order
 * {@code beta(=m) alpha(=lam3) h eta(=powern) beta_ters(=beta) lam2 B R D lam1 A n(=powern_del) c1 c2 c3 c4
 * c5 c0} (Kumagai et al., Comput. Mater. Sci. 39, 457 (2007); the c0 shift of Purja Pun and Mishin,
 * Phys. Rev. B 95, 224103 (2017)).
 */
public record TersoffModCParameters(int powerm, double lam3, double h, double powern, double beta, double lam2,
                                    double bigb, double bigr, double bigd, double lam1, double biga,
                                    double powernDel, double c1, double c2, double c3, double c4, double c5,
                                    double c0) implements TripletPotential.Parameters {

    /** Outer radius R + D of the cutoff function. */
    @Override
    public double cut() {
        return bigr + bigd;
    }

    /** LAMMPS' asymptotic switch points of b(zeta) (PairTersoffMOD::setup_params). */
    double ca1() {
        return Math.pow(2.0 * powernDel * 1.0e-16, -1.0 / powern);
    }
}
