package org.burgers.simulation.dislocation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.burgers.core.io.Frame;
import org.burgers.core.structure.Structure;

/**
 * A predictor configuration: the perfect crystal displaced by the periodic CLE field of its cores, with the
 * perfect-lattice site of every atom as the per-atom array {@code lattice} ({@code lattice:R:3} in extxyz).
 *
 * @param system          the system
 * @param kind            "dipole", "quadrupole" or "loop"
 * @param size            requested size in units of the lattice constant
 * @param a0              lattice constant (A)
 * @param structure       atoms, cell (tilted by the plastic distortion) and lattice sites
 * @param cores           the cores (position and Burgers vector, cell frame)
 * @param plastic         the homogeneous plastic distortion added to atoms and cell (row-major 3x3)
 * @param referenceCell   the perfect-lattice cell the lattice sites are periodic in (row-major 3x3)
 * @param voigtGPa        elastic constants used (cubic axes, Voigt, GPa)
 */
public record DislocationConfiguration(DislocationSystem system, String kind, double size, double a0,
                                       Structure structure, List<DislocationCore> cores, double[] plastic,
                                       double[] referenceCell, double[] voigtGPa) {

    /** The extxyz frame: cores, Burgers vectors and the bookkeeping in the comment line. */
    public Frame frame() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("config_type", system.name() + "-" + kind);
        info.put("system", system.name());
        info.put("kind", kind);
        info.put("size_r0", size);
        info.put("a0", a0);
        info.put("ncores", cores.size());
        double[] pos = new double[3 * cores.size()];
        double[] bur = new double[3 * cores.size()];
        for (int c = 0; c < cores.size(); c++) {
            System.arraycopy(cores.get(c).position(), 0, pos, 3 * c, 3);
            System.arraycopy(cores.get(c).burgers(), 0, bur, 3 * c, 3);
        }
        info.put("cores", pos);
        info.put("burgers", bur);
        info.put("plastic_distortion", plastic.clone());
        info.put("lattice_cell", referenceCell.clone());
        int[][] d = system.frame().directions();
        // "1,1,-2/-1,1,0/1,1,1": read back intact by ASE (brackets are not) and by Orientation.parse
        info.put("frame", join(d[0]) + "/" + join(d[1]) + "/" + join(d[2]));
        return new Frame(structure, info);
    }

    private static String join(int[] v) {
        return v[0] + "," + v[1] + "," + v[2];
    }
}
