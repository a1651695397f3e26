package org.burgers.analysis.study;

import java.util.LinkedHashMap;
import java.util.Map;
import org.burgers.core.InputException;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.stencil.GeometryError;
import org.burgers.core.stencil.Stencil;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Structure;
import org.burgers.simulation.dislocation.DislocationConfiguration;
import org.burgers.simulation.lattice.Crystal;
import org.burgers.simulation.lattice.Supercell;

/**
 * The error measures of the study (paper (3.13), (A.1), (A.4)) for two relaxations of the same predictor.
 *
 * <ul>
 * <li>geometry error {@code ||D ybar - D ybar^ML||_l2(Lambda_N)}: the stencil norm (A.1) over the Voronoi
 * nearest-neighbour sets of the <em>reference lattice</em>, i.e. of the perfect-lattice sites the predictor
 * records in its {@code lattice} array, in the perfect cell; atoms are matched by index.</li>
 * <li>energy of a configuration relative to the perfect lattice of the same potential on the same sites:
 * {@code E(y) - sum_l e_p(l)}, where {@code e_p(l)} is the site energy, under that potential, of l's
 * sublattice in the perfect crystal at the predictor's lattice constant. It is computed from the site
 * energies of the conventional cubic cell (one evaluation), one value per element; every sublattice of our
 * systems that shares an element is symmetry-equivalent (checked: the site energies must agree). Since the
 * perfect supercell on the lattice sites is periodic, this equals E_p(perfect lattice sites in the cell), as
 * (A.4) defines the energy difference.</li>
 * </ul>
 */
public final class DislocationErrors {
    private DislocationErrors() {
    }

    /** Site energy of each element in the perfect crystal (eV per atom of that element). */
    public static Map<String, Double> perfectSiteEnergies(Potential p, Crystal crystal) {
        Structure cell = crystal.conventionalCell().withoutArrays();
        p.checkSpecies(cell);
        Evaluation e = p.evaluate(cell, Request.ALL);
        double[] site = e.siteEnergies();
        if (site == null) {
            throw new IllegalStateException("potential " + p.getClass().getSimpleName() + " gives no site energies");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < cell.size(); i++) {
            String el = cell.element(i).symbol();
            Double prev = out.putIfAbsent(el, site[i]);
            if (prev != null && Math.abs(prev - site[i]) > 1e-8 * (1 + Math.abs(prev))) {
                throw new IllegalStateException("two sublattices of " + el + " in " + crystal + " have different site "
                        + "energies (" + prev + ", " + site[i] + " eV): per-element perfect energies do not apply");
            }
        }
        return out;
    }

    /** sum over atoms of the perfect-crystal site energy of each atom's element. */
    public static double perfectEnergy(Structure s, Map<String, Double> siteEnergies) {
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            Double e = siteEnergies.get(s.element(i).symbol());
            if (e == null) {
                throw new InputException("atom " + i + " is " + s.element(i).symbol() + ", which the perfect crystal lacks");
            }
            sum += e;
        }
        return sum;
    }

    /** E_p(y) - E_p(perfect lattice on the same sites), eV. */
    public static double relativeEnergy(Potential p, Structure y, Crystal crystal) {
        return p.energy(y) - perfectEnergy(y, perfectSiteEnergies(p, crystal));
    }

    /** The perfect-lattice sites of a predictor in the perfect (untilted) cell: the stencil's reference. */
    public static Structure referenceLattice(DislocationConfiguration c) {
        double[] lattice = c.structure().array(Supercell.LATTICE_ARRAY);
        if (lattice == null) {
            throw new IllegalArgumentException("the configuration has no '" + Supercell.LATTICE_ARRAY + "' array");
        }
        return new Structure(lattice, c.structure().elements(), Cell.periodic(c.referenceCell()));
    }

    public static Stencil stencil(DislocationConfiguration c) {
        return Stencil.voronoi(referenceLattice(c));
    }

    /** ||D y - D yML||_l2 over the stencil of the reference lattice (A). */
    public static double geometryError(Stencil stencil, Structure y, Structure yMl) {
        return GeometryError.of(stencil, y, yMl);
    }

    /**
     * The far field of a straight-dislocation configuration: the indices of the sites whose perfect-lattice
     * position lies farther than {@code radius} from every core, measured in the plane normal to the line
     * (the third cell vector) with the minimum image of the periodic perfect cell. Near the cores the
     * geometry error is the fit error of the core environments (eps^F in (3.13)); between them the
     * configuration is an elastic field, which is what the elastic rows of the loss (eps_1^V, eps_2^V) act on.
     */
    public static int[] farFieldSites(DislocationConfiguration c, double radius) {
        Structure lattice = referenceLattice(c);
        Cell cell = lattice.cell();
        double[] m = cell.matrix();
        double lx = m[6], ly = m[7], lz = m[8];
        double ln = Math.sqrt(lx * lx + ly * ly + lz * lz);
        lx /= ln;
        ly /= ln;
        lz /= ln;
        double[] x = lattice.positionsView();
        double[] s = new double[3], d = new double[3];
        int[] out = new int[lattice.size()];
        int n = 0;
        for (int i = 0; i < lattice.size(); i++) {
            boolean far = true;
            for (var core : c.cores()) {
                // the component along the line is projected out below: every slice is the same distance away
                minimumImage(cell, x, i, core.position(), s, d);
                double along = d[0] * lx + d[1] * ly + d[2] * lz;
                double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2] - along * along;
                if (r2 < radius * radius) {
                    far = false;
                    break;
                }
            }
            if (far) {
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * The far field of a prismatic loop: the indices of the sites whose perfect-lattice position lies farther
     * than {@code radius} from the loop line, a circle of radius {@code loopRadius} (A) about the loop's centre
     * (its single core) in the plane normal to its Burgers vector (a prismatic loop's habit plane is normal to
     * b). The distance of a point at height h above that plane and distance rho from the axis is
     * sqrt(h^2 + (rho - R)^2), with the minimum image of the periodic perfect cell; the loop is a 48-gon, within
     * 0.2% of the circle. As for straight dislocations, near the line the error is the fit of the core
     * environments and beyond it the elastic field of the loop.
     */
    public static int[] loopFarFieldSites(DislocationConfiguration c, double radius, double loopRadius) {
        if (c.cores().size() != 1) {
            throw new IllegalArgumentException("a loop configuration has one core (its centre), got "
                    + c.cores().size());
        }
        if (!(loopRadius > 0) || !(radius > 0)) {
            throw new IllegalArgumentException("loop far field needs positive radii, got " + radius + ", " + loopRadius);
        }
        Structure lattice = referenceLattice(c);
        Cell cell = lattice.cell();
        double[] p = c.cores().get(0).position();
        double[] b = c.cores().get(0).burgers();
        double bn = Math.sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2]);
        double nx = b[0] / bn, ny = b[1] / bn, nz = b[2] / bn;
        double[] x = lattice.positionsView();
        double[] s = new double[3], d = new double[3];
        int[] out = new int[lattice.size()];
        int n = 0;
        for (int i = 0; i < lattice.size(); i++) {
            minimumImage(cell, x, i, p, s, d);
            double h = d[0] * nx + d[1] * ny + d[2] * nz;
            double rho = Math.sqrt(Math.max(0, d[0] * d[0] + d[1] * d[1] + d[2] * d[2] - h * h));
            double dr = rho - loopRadius;
            if (h * h + dr * dr >= radius * radius) {
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The minimum-image vector from {@code p} to site i of the periodic cell, into d (s: scratch). */
    private static void minimumImage(Cell cell, double[] x, int i, double[] p, double[] s, double[] d) {
        cell.toFractional(x[3 * i] - p[0], x[3 * i + 1] - p[1], x[3 * i + 2] - p[2], s, 0);
        for (int k = 0; k < 3; k++) {
            s[k] -= Math.rint(s[k]);
        }
        cell.toCartesian(s[0], s[1], s[2], d, 0);
    }

    /** The crystal the predictor was built on (its lattice constant). */
    public static Crystal crystal(DislocationConfiguration c) {
        return c.system().crystal(c.a0());
    }
}
