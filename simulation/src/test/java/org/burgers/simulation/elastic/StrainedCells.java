package org.burgers.simulation.elastic;

import java.util.function.Function;
import org.burgers.core.potential.Potential;
import org.burgers.core.structure.Structure;
import org.burgers.simulation.lattice.Crystal;
import org.burgers.simulation.lattice.Orientation;
import org.burgers.simulation.lattice.Supercell;
import org.burgers.simulation.relax.LbfgsRelaxer;
import org.burgers.simulation.relax.RelaxOptions;

/**
 * Elastic constants by the textbook route, independent of the Cauchy-Born code: strain a periodic
 * supercell by +-h along Voigt direction J, relax the atoms at fixed cell (relaxed ions), take the Cauchy
 * stress sigma = -W/V from a stress oracle (our potential, or LAMMPS), and C_IJ = d sigma_I / d e_J by
 * central differences (e_J engineering strain: F = I + h (e_a e_b^T + e_b e_a^T)/2 for shears).
 */
final class StrainedCells {
    static final int[][] PAIRS = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};

    private StrainedCells() {
    }

    static double[] strain(int voigt, double h) {
        double[] f = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        int a = PAIRS[voigt][0], b = PAIRS[voigt][1];
        if (a == b) {
            f[4 * a] += h;
        } else {
            f[3 * a + b] += h / 2;
            f[3 * b + a] += h / 2;
        }
        return f;
    }

    /** The strained supercell with relaxed internal positions. */
    static Structure relaxedStrained(Potential p, Structure cell, int voigt, double h) {
        Structure s = cell.deformed(strain(voigt, h));
        return new LbfgsRelaxer().relax(s, p, RelaxOptions.of(1e-7)).requireConverged().structure();
    }

    /**
     * C (GPa) from central stress differences; {@code virial} maps a structure to its virial (eV, 3x3).
     */
    static double[][] elasticConstants(Potential p, Crystal crystal, int n, double h,
                                       Function<Structure, double[]> virial) {
        Structure cell = Supercell.build(crystal, Orientation.CUBE, n, n, n).structure();
        double[][] c = new double[6][6];
        for (int j = 0; j < 6; j++) {
            double[] sp = stress(relaxedStrained(p, cell, j, h), virial);
            double[] sm = stress(relaxedStrained(p, cell, j, -h), virial);
            for (int i = 0; i < 6; i++) {
                c[i][j] = (sp[i] - sm[i]) / (2 * h) * 160.21766208;
            }
        }
        return c;
    }

    static double[] stress(Structure s, Function<Structure, double[]> virial) {
        double[] w = virial.apply(s);
        double v = s.cell().volume();
        double[] out = new double[6];
        for (int i = 0; i < 6; i++) {
            out[i] = -w[3 * PAIRS[i][0] + PAIRS[i][1]] / v;
        }
        return out;
    }
}
