package org.burgers.simulation.dislocation.periodic;

import java.util.List;
import org.burgers.core.InputException;
import org.burgers.simulation.dislocation.elastic.LineDislocationField;

/**
 * The displacement of dislocation dipoles in a cell periodic in the plane normal to the line (cell vectors
 * {@code c1}, {@code c2} in the (x, y) plane of the dislocation frame). The image sum over {@code |i|, |j| <= M}
 * converges only conditionally and its truncation leaves a spurious linear field; following Cai, Bulatov,
 * Chang, Li and Yip, Phil. Mag. 83, 539 (2003), we measure the mismatch {@code Delta_k = u_sum(x0 + c_k) -
 * u_sum(x0)} across the cell from a corner {@code x0} and subtract {@code sum_k s_k(x) Delta_k} ({@code s_k} the
 * fractional coordinates of {@code x - x0}). What remains is periodic up to the jumps across the cuts, and
 * a curvature error that falls as {@code M^-2} (measured); we remove its leading term by Richardson
 * extrapolation, {@code u = (4 u_2M - u_M) / 3}, both sums taken in one pass over the {@code 2M} images.
 *
 * <p>The slipped segments carry a plastic distortion whose cell average, {@code beta = -sum_d b_d (x)
 * rot90(minus_d - plus_d) / A} ({@code -b} is the jump towards the segment's left normal, (B.2)), must be
 * taken up by the cell: {@link #plasticDistortion()} returns it and the caller maps atoms and cell vectors by
 * {@code x -> x + beta x} so that the elastic strain averages to zero and no homogeneous stress remains (for
 * two cores a distance {@code L_x / 2} apart this shifts the second cell vector by {@code -b/2}).
 *
 * <p>Not thread-safe (the fields keep scratch space).
 */
public final class PeriodicDislocationField {
    private final List<Dipole> dipoles;
    private final double[] cell = new double[4];    // rows c1, c2 (x, y)
    private final double[] inv = new double[4];     // inverse: s = (x - x0) inv
    private final double[] x0;
    private final int images;
    private final double[] delta = new double[6];   // Delta_1, Delta_2 (3 each) of the M sum
    private final double[] delta2 = new double[6];  // the same for the 2M sum
    private final double[] tmp = new double[9];
    private final double[] inner = new double[9];

    /**
     * @param dipoles the dipoles inside the cell
     * @param c1      first in-plane cell vector (x, y)
     * @param c2      second in-plane cell vector (x, y)
     * @param origin  a corner of the cell, on no cut
     * @param images  M, the image sum runs over {@code -M..M} in both directions
     */
    public PeriodicDislocationField(List<Dipole> dipoles, double[] c1, double[] c2, double[] origin, int images) {
        if (dipoles.isEmpty()) {
            throw new InputException("a periodic dislocation configuration needs at least one dipole");
        }
        if (images < 1) {
            throw new InputException("image count must be at least 1, got " + images);
        }
        this.dipoles = List.copyOf(dipoles);
        cell[0] = c1[0];
        cell[1] = c1[1];
        cell[2] = c2[0];
        cell[3] = c2[1];
        double det = c1[0] * c2[1] - c1[1] * c2[0];
        if (!(det > 0)) {
            throw new InputException("in-plane cell vectors must be right-handed and non-degenerate");
        }
        // s = x M^-1 with rows of M the cell vectors: M^-1 = [[c2y, -c1y], [-c2x, c1x]] / det
        inv[0] = c2[1] / det;
        inv[1] = -c1[1] / det;
        inv[2] = -c2[0] / det;
        inv[3] = c1[0] / det;
        this.x0 = origin.clone();
        this.images = images;
        double[] u0 = new double[3];
        double[] v0 = new double[3];
        double[] uk = new double[3];
        rawSum(x0[0], x0[1], u0, false);
        System.arraycopy(inner, 0, v0, 0, 3);
        for (int k = 0; k < 2; k++) {
            rawSum(x0[0] + cell[2 * k], x0[1] + cell[2 * k + 1], uk, false);
            for (int i = 0; i < 3; i++) {
                delta2[3 * k + i] = uk[i] - u0[i];
                delta[3 * k + i] = inner[i] - v0[i];
            }
        }
    }

    /** Area of the in-plane cell. */
    public double area() {
        return cell[0] * cell[3] - cell[1] * cell[2];
    }

    /** The mismatch vectors Delta_1, Delta_2 removed by the linear correction (diagnostic). */
    public double[] mismatch() {
        return delta.clone();
    }

    /**
     * The average plastic distortion of the slipped segments (row-major 3x3, dislocation frame), to be added
     * homogeneously to atoms and cell.
     */
    public double[] plasticDistortion() {
        double[] beta = new double[9];
        for (Dipole d : dipoles) {
            double[] b = d.burgers();
            // rot90(v) = (-v_y, v_x): the left normal times the segment length
            double nx = -(d.minus()[1] - d.plus()[1]);
            double ny = d.minus()[0] - d.plus()[0];
            for (int i = 0; i < 3; i++) {
                beta[3 * i] += -b[i] * nx / area();
                beta[3 * i + 1] += -b[i] * ny / area();
            }
        }
        return beta;
    }

    /**
     * Sums the dipole fields (or gradients) over the images {@code |i|, |j| <= 2M} into {@code out} and over
     * {@code |i|, |j| <= M} into {@code inner}.
     */
    private void rawSum(double x, double y, double[] out, boolean grad) {
        int width = grad ? 9 : 3;
        java.util.Arrays.fill(out, 0, width, 0);
        java.util.Arrays.fill(inner, 0, width, 0);
        int m2 = 2 * images;
        for (int i = -m2; i <= m2; i++) {
            for (int j = -m2; j <= m2; j++) {
                boolean in = Math.abs(i) <= images && Math.abs(j) <= images;
                double px = x + i * cell[0] + j * cell[2];
                double py = y + i * cell[1] + j * cell[3];
                for (Dipole d : dipoles) {
                    LineDislocationField f = d.field();
                    double phi = d.cutAngle();
                    double[] b = d.burgers();
                    for (int sign = 1; sign >= -1; sign -= 2) {
                        double[] core = sign > 0 ? d.plus() : d.minus();
                        double cx = px - core[0];
                        double cy = py - core[1];
                        if (grad) {
                            f.gradient(cx, cy, tmp, 0);
                        } else {
                            f.displacement(cx, cy, tmp, 0);
                            // move the cut from +x to the direction phi: u_phi = u_0 + b for theta in [0, phi)
                            double th = Math.atan2(cy, cx);
                            if (th < 0) {
                                th += 2 * Math.PI;
                            }
                            if (th < phi) {
                                tmp[0] += b[0];
                                tmp[1] += b[1];
                                tmp[2] += b[2];
                            }
                        }
                        for (int p = 0; p < width; p++) {
                            out[p] += sign * tmp[p];
                            if (in) {
                                inner[p] += sign * tmp[p];
                            }
                        }
                    }
                }
            }
        }
    }

    /** The corrected periodic displacement at (x, y), into {@code out[0..2]}. */
    public void displacement(double x, double y, double[] out) {
        rawSum(x, y, out, false);
        double dx = x - x0[0];
        double dy = y - x0[1];
        double s1 = dx * inv[0] + dy * inv[2];
        double s2 = dx * inv[1] + dy * inv[3];
        for (int i = 0; i < 3; i++) {
            double outer = out[i] - s1 * delta2[i] - s2 * delta2[3 + i];
            double in = inner[i] - s1 * delta[i] - s2 * delta[3 + i];
            out[i] = (4 * outer - in) / 3;
        }
    }

    /** The corrected displacement gradient {@code du_i/dx_j} (row-major 3x3, third column zero). */
    public void gradient(double x, double y, double[] out) {
        rawSum(x, y, out, true);
        for (int i = 0; i < 3; i++) {
            // ds1/dx = inv[0], ds1/dy = inv[2]; ds2/dx = inv[1], ds2/dy = inv[3]
            for (int j = 0; j < 2; j++) {
                double d1 = inv[2 * j];
                double d2 = inv[2 * j + 1];
                double outer = out[3 * i + j] - d1 * delta2[i] - d2 * delta2[3 + i];
                double in = inner[3 * i + j] - d1 * delta[i] - d2 * delta[3 + i];
                out[3 * i + j] = (4 * outer - in) / 3;
            }
        }
    }
}
