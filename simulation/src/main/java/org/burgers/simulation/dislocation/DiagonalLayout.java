package org.burgers.simulation.dislocation;

import java.util.ArrayList;
import java.util.List;
import org.burgers.core.InputException;
import org.burgers.simulation.dislocation.elastic.LineDislocationField;
import org.burgers.simulation.dislocation.periodic.Dipole;

/**
 * Cores, cuts and removed sites of the {@link Arrangement#DIAGONAL} layout (Bulatov and Cai 2006).
 *
 * <p>One dipole in a cell {@code lxd x ly}: the +b core P+ between two glide planes near (lxd/4, 3ly/4) (or
 * near ly/4, see below), the -b core at exactly {@code P- = P+ + (lxd/2, t ly/2)} with {@code t = -sign(b_x)},
 * so the cores form a centred rectangular array and each is an inversion centre of it. The cut runs from
 * P+ along its glide plane to the corner {@code C = (P-_x, P+_y)} and then along y to P-. It is built as two
 * straight dipoles (P+, C) and (C, P-): the two fields at C cancel exactly (same field, opposite signs), so
 * C carries no dislocation and the sum is the Volterra field of the bent cut.
 *
 * <p>Crossing the climb segment C -> P- (direction (0, t)) towards its left normal (-t, 0) the displacement
 * jumps by -b (B.2): the material right of it is moved by {@code -t b_x = -|b_x|} along x relative to the
 * left, i.e. it overlaps. The sites of the right-hand strip {@code x in (P-_x, P-_x + |b_x|)}, {@code y}
 * between the two glide planes, are removed: a site R right of the strip then continues the left-hand crystal
 * as the site R - b (b is a lattice vector), so the remaining atoms join without gap or overlap. The choice
 * of t makes the cut remove rather than insert material (no new sites to invent).
 *
 * <p>The quadrupole is the same dipole and its copy translated by the lattice translation (lxd, 0) in a cell
 * {@code 2 lxd x ly}.
 */
final class DiagonalLayout {
    /** Sites of the column (x, y) with {@code x - x0 in (0, width)} and {@code y - ylo in (0, height)} (mod cell). */
    record Strip(double x0, double width, double ylo, double height) {
        boolean contains(double x, double y, double lx, double ly) {
            double dx = Columns.wrap(x - x0, lx);
            double dy = Columns.wrap(y - ylo, ly);
            if (Math.abs(dx) < 1e-6 || Math.abs(dx - width) < 1e-6 || Math.abs(dy) < 1e-6
                    || Math.abs(dy - height) < 1e-6) {
                throw new IllegalStateException("atom column (" + x + ", " + y + ") lies on the edge of a removed strip");
            }
            return dx < width && dy < height;
        }

        double area() {
            return width * height;
        }
    }

    final List<Dipole> dipoles = new ArrayList<>();
    final List<double[]> plus = new ArrayList<>();
    final List<double[]> minus = new ArrayList<>();
    final List<Strip> strips = new ArrayList<>();

    /**
     * @param lx     cell length along x (2 lxd for a quadrupole)
     * @param copies 1 (dipole) or 2 (quadrupole: the second dipole translated by lx/2)
     */
    DiagonalLayout(Columns cols, double lx, double ly, LineDislocationField field, int copies) {
        double[] b = field.burgers();
        if (Math.abs(b[1]) > 1e-9 * Math.hypot(b[0], b[2])) {
            throw new InputException(String.format(java.util.Locale.ROOT, "the diagonal dipole layout needs a Burgers "
                    + "vector in the glide plane (no component along the plane normal y), got b_y = %.4g A", b[1]));
        }
        double lxd = lx / copies;
        int t = b[0] > 0 ? -1 : 1;
        // + core high when - goes down, low when it goes up: both stay inside the cell with the strip
        double[] p = CorePlacement.place(cols, lxd / 4, t < 0 ? 3 * ly / 4 : ly / 4, field, 1, Double.NaN, 0);
        double width = Math.abs(b[0]);
        if (width >= lxd / 2) {
            throw new InputException(String.format(java.util.Locale.ROOT, "cell %.2f A too narrow for the diagonal "
                    + "dipole: the removed strip (|b_x| = %.2f A) must be narrower than half the dipole cell", lx, width));
        }
        for (int k = 0; k < copies; k++) {
            double[] pp = {p[0] + k * lxd, p[1]};
            double[] pm = {pp[0] + lxd / 2, pp[1] + t * ly / 2};
            double[] corner = {pm[0], pp[1]};
            dipoles.add(new Dipole(field, pp, corner));
            dipoles.add(new Dipole(field, corner, pm));
            plus.add(pp);
            minus.add(pm);
            if (width > 0) {
                strips.add(new Strip(pm[0], width, Math.min(pp[1], pm[1]), ly / 2));
            }
        }
    }

    /** Whether the site column (x, y) is removed. */
    boolean removed(double x, double y, double lx, double ly) {
        for (Strip s : strips) {
            if (s.contains(x, y, lx, ly)) {
                return true;
            }
        }
        return false;
    }
}
