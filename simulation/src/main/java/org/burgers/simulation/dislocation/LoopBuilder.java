package org.burgers.simulation.dislocation;

import java.util.List;
import org.burgers.core.InputException;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Structure;
import org.burgers.simulation.lattice.Crystal;
import org.burgers.simulation.lattice.Supercell;

/**
 * A circular 1/2[111] glide loop on a (-1,1,0) plane in bcc W in a fully periodic cell (paper section 4.3),
 * in the screw frame (x = [1,1,-2], y = [-1,1,0] the loop normal, z = [1,1,1] along b).
 *
 * <p>Predictor: the Volterra (solid-angle) term of Burgers' formula, {@code u = -b Omega(x) / (4 pi)}
 * (Hirth and Lothe eq. 4-26), which carries the exact displacement jump b across the loop's disc; the
 * remaining line-integral terms of the isotropic formula are continuous and are left to the relaxation
 * (not included). The loop is a polygon of {@link #SIDES} sides; {@code Omega} of each fan triangle from
 * the centre by the Van Oosterom-Strackee formula. Periodic images {@code |i|, |j|, |k| <= 2} are summed and
 * the spurious linear field removed as in Cai et al. 2003 (now with three cell vectors), and the cell takes
 * up the plastic distortion {@code beta = J (x) nu A / V} of the slipped disc (J the jump towards the normal
 * nu, A the disc area), as for the straight dipoles.
 *
 * <p>Size {@code N} (in r0) sets the cell, about N r0 along each axis; the loop diameter is N r0 / 2.
 */
final class LoopBuilder {
    static final int SIDES = 48;
    static final int IMAGES = 2;

    private LoopBuilder() {
    }

    static DislocationConfiguration loop(DislocationSystem sys, double a0, double[][] voigt, double size) {
        if (!(size > 0) || !Double.isFinite(size)) {
            throw new InputException("--size must be a positive number of lattice constants, got " + size);
        }
        if (size < 6) {
            throw new InputException("--size " + size + " r0 is too small for a loop: its diameter (size/2) must be "
                    + "at least 3 r0 (size >= 6)");
        }
        Crystal crystal = sys.crystal(a0);
        double[] periods = Supercell.periods(crystal, sys.frame());
        int[] n = new int[3];
        for (int k = 0; k < 3; k++) {
            n[k] = Math.max(1, (int) Math.round(size * a0 / periods[k]));
        }
        Supercell sc = Supercell.build(crystal, sys.frame(), n[0], n[1], n[2]);
        double[] len = {n[0] * periods[0], n[1] * periods[1], n[2] * periods[2]};
        double[] q = sc.rotation();
        double[] bc = sys.burgers();
        double[] b = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                b[i] += q[3 * i + j] * bc[j] * a0;
            }
        }
        if (Math.abs(b[1]) > 1e-9) {
            throw new InputException("loop Burgers vector must lie in the loop plane (y component " + b[1] + ")");
        }
        double[] lattice = sc.latticePositions();
        Columns planes = new Columns(lattice, len[0], len[1]);
        double y0 = CorePlacement.betweenPlanes(planes, len[1] / 2);
        double radius = size * a0 / 4;
        double[] centre = {len[0] / 2, y0, len[2] / 2};
        LoopField field = new LoopField(centre, radius, b);

        // Cai-style linear correction over the three cell vectors, from the corner (off the disc)
        double[] u0 = new double[3];
        double[] uk = new double[3];
        double[][] delta = new double[3][3];
        field.sum(0, 0, 0, len, u0);
        for (int k = 0; k < 3; k++) {
            field.sum(k == 0 ? len[0] : 0, k == 1 ? len[1] : 0, k == 2 ? len[2] : 0, len, uk);
            for (int i = 0; i < 3; i++) {
                delta[k][i] = uk[i] - u0[i];
            }
        }
        // jump J = u(above) - u(below) through the disc centre, and beta = J (x) e_y area / volume
        double[] above = new double[3];
        double[] below = new double[3];
        field.single(centre[0], y0 + 1e-6, centre[2], above);
        field.single(centre[0], y0 - 1e-6, centre[2], below);
        double area = 0.5 * SIDES * radius * radius * Math.sin(2 * Math.PI / SIDES);
        double vol = len[0] * len[1] * len[2];
        double[] beta = new double[9];
        for (int i = 0; i < 3; i++) {
            beta[3 * i + 1] = (above[i] - below[i]) * area / vol;
        }
        int na = sc.size();
        double[] x = new double[3 * na];
        double[] u = new double[3];
        for (int a = 0; a < na; a++) {
            double px = lattice[3 * a];
            double py = lattice[3 * a + 1];
            double pz = lattice[3 * a + 2];
            field.sum(px, py, pz, len, u);
            double[] s = {px / len[0], py / len[1], pz / len[2]};
            for (int d = 0; d < 3; d++) {
                double v = lattice[3 * a + d] + u[d] - s[0] * delta[0][d] - s[1] * delta[1][d] - s[2] * delta[2][d];
                for (int e = 0; e < 3; e++) {
                    v += beta[3 * d + e] * lattice[3 * a + e];
                }
                x[3 * a + d] = v;
            }
        }
        double[] ref = sc.structure().cell().matrix();
        double[] tilted = new double[9];
        for (int k = 0; k < 3; k++) {
            for (int d = 0; d < 3; d++) {
                double v = ref[3 * k + d];
                for (int e = 0; e < 3; e++) {
                    v += beta[3 * d + e] * ref[3 * k + e];
                }
                tilted[3 * k + d] = v;
            }
        }
        Structure s = new Structure(x, sc.structure().elements(), Cell.periodic(tilted))
                .withArray(Supercell.LATTICE_ARRAY, lattice).wrapped();
        // the loop as "cores": its centre with b, and the radius in the kind string is implicit in size
        List<DislocationCore> cores = List.of(new DislocationCore(centre, b));
        double[] flat = new double[36];
        for (int i = 0; i < 6; i++) {
            System.arraycopy(voigt[i], 0, flat, 6 * i, 6);
        }
        return new DislocationConfiguration(sys, "loop", size, a0, s, cores, beta, ref, flat);
    }

    /** Solid-angle displacement of a polygonal loop in the plane y = centre_y. */
    static final class LoopField {
        private final double[] c;
        private final double[] px;
        private final double[] pz;
        private final double[] b;

        LoopField(double[] centre, double radius, double[] b) {
            this.c = centre.clone();
            this.b = b.clone();
            px = new double[SIDES];
            pz = new double[SIDES];
            for (int k = 0; k < SIDES; k++) {
                double t = 2 * Math.PI * k / SIDES;
                px[k] = centre[0] + radius * Math.cos(t);
                pz[k] = centre[2] + radius * Math.sin(t);
            }
        }

        /** Solid angle of the loop (polygon oriented counter-clockwise in the (z, x) sense) seen from x. */
        double solidAngle(double x, double y, double z) {
            double r1x = c[0] - x;
            double r1y = c[1] - y;
            double r1z = c[2] - z;
            double r1 = Math.sqrt(r1x * r1x + r1y * r1y + r1z * r1z);
            double omega = 0;
            for (int k = 0; k < SIDES; k++) {
                int k1 = (k + 1) % SIDES;
                double r2x = px[k] - x;
                double r2y = c[1] - y;
                double r2z = pz[k] - z;
                double r3x = px[k1] - x;
                double r3y = c[1] - y;
                double r3z = pz[k1] - z;
                double r2 = Math.sqrt(r2x * r2x + r2y * r2y + r2z * r2z);
                double r3 = Math.sqrt(r3x * r3x + r3y * r3y + r3z * r3z);
                double triple = r1x * (r2y * r3z - r2z * r3y) - r1y * (r2x * r3z - r2z * r3x)
                        + r1z * (r2x * r3y - r2y * r3x);
                double den = r1 * r2 * r3 + (r1x * r2x + r1y * r2y + r1z * r2z) * r3
                        + (r1x * r3x + r1y * r3y + r1z * r3z) * r2 + (r2x * r3x + r2y * r3y + r2z * r3z) * r1;
                omega += 2 * Math.atan2(triple, den);   // Van Oosterom and Strackee, IEEE TBME 30, 125 (1983)
            }
            return omega;
        }

        void single(double x, double y, double z, double[] out) {
            double f = -solidAngle(x, y, z) / (4 * Math.PI);
            out[0] = f * b[0];
            out[1] = f * b[1];
            out[2] = f * b[2];
        }

        /** Sum over periodic images |i|, |j|, |k| <= IMAGES of the cell (len). */
        void sum(double x, double y, double z, double[] len, double[] out) {
            double om = 0;
            for (int i = -IMAGES; i <= IMAGES; i++) {
                for (int j = -IMAGES; j <= IMAGES; j++) {
                    for (int k = -IMAGES; k <= IMAGES; k++) {
                        om += solidAngle(x + i * len[0], y + j * len[1], z + k * len[2]);
                    }
                }
            }
            double f = -om / (4 * Math.PI);
            out[0] = f * b[0];
            out[1] = f * b[1];
            out[2] = f * b[2];
        }
    }
}
