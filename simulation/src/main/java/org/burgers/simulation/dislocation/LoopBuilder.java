package org.burgers.simulation.dislocation;

import java.util.Arrays;
import java.util.List;
import org.burgers.core.InputException;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Element;
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
 * <p>Size {@code N} (in r0) sets the cell, about N r0 along each axis; the loop diameter is N r0 / 2 unless
 * given (prismatic loops of the loop study: diameter L in the cell N).
 */
final class LoopBuilder {
    static final int SIDES = 48;
    static final int IMAGES = 2;

    private LoopBuilder() {
    }

    static DislocationConfiguration loop(DislocationSystem sys, double a0, double[][] voigt, double size) {
        Cell0 g = cell(sys, a0, size);
        if (Math.abs(g.b[1]) > 1e-9) {
            throw new InputException("loop Burgers vector must lie in the loop plane (y component " + g.b[1] + ")");
        }
        Columns planes = new Columns(g.lattice, g.len[0], g.len[1]);
        double y0 = CorePlacement.betweenPlanes(planes, g.len[1] / 2);
        double radius = size * a0 / 4;
        double[] centre = {g.len[0] / 2, y0, g.len[2] / 2};
        LoopField field = new LoopField(centre, radius, g.b, 1);
        return assemble(sys, "loop", size, a0, voigt, g, field, centre, radius, 1, null, g.b);
    }

    /**
     * A prismatic vacancy loop: Burgers vector 1/2[111] along z, normal to the loop's (111) habit plane.
     * Three consecutive (222) planes are removed inside the disc (the (222) spacing is |b|/3 in bcc, so the
     * removed slab is exactly one Burgers vector thick and the ABC stacking closes without a fault), and the
     * solid-angle field with the jump b across the disc closes the gap: atoms above move down, atoms below
     * up, by about |b|/2 each. Unlike a glide loop, it cannot shrink without climb, so it is a minimum of
     * the energy (a glide loop of the sizes one can afford collapses under its line tension).
     */
    static DislocationConfiguration prismatic(DislocationSystem sys, double a0, double[][] voigt, double size) {
        return prismatic(sys, a0, voigt, size, size / 2);
    }

    /**
     * The prismatic vacancy loop of diameter {@code diameter} (r0) in the cell of about {@code size} r0 along
     * each axis: the loop study of section 4.3 keeps the simulation cell N and varies the loop diameter
     * L_D = L with the training-cell size. The loop must leave at least 2 r0 of crystal to its images.
     */
    static DislocationConfiguration prismatic(DislocationSystem sys, double a0, double[][] voigt, double size,
                                              double diameter) {
        if (!(diameter > 0) || !Double.isFinite(diameter)) {
            throw new InputException("loop diameter must be a positive number of lattice constants, got " + diameter);
        }
        if (diameter < 3) {
            throw new InputException("loop diameter " + diameter + " r0 is too small: at least 3 r0");
        }
        Cell0 g = cell(sys, a0, size);
        double minLen = Math.min(g.len[0], g.len[1]);
        if (diameter * a0 > minLen - 2 * a0) {
            throw new InputException(String.format(java.util.Locale.ROOT, "loop diameter %.3g r0 (%.2f A) does not fit "
                    + "the %.2f x %.2f A cell of size %.3g r0: it must leave 2 r0 to its periodic images (diameter <= "
                    + "%.2f r0)", diameter, diameter * a0, g.len[0], g.len[1], size, minLen / a0 - 2));
        }
        if (Math.hypot(g.b[0], g.b[1]) > 1e-9 * Math.abs(g.b[2])) {
            throw new InputException("prismatic loop Burgers vector must be along the cell's z axis, got "
                    + Arrays.toString(g.b));
        }
        double bn = Math.abs(g.b[2]);
        double spacing = bn / 3;
        int na = g.lattice.length / 3;
        // the (222) plane nearest the middle of the cell: the disc plane
        double z0 = Double.NaN;
        for (int a = 0; a < na; a++) {
            double z = g.lattice[3 * a + 2];
            if (Double.isNaN(z0) || Math.abs(z - g.len[2] / 2) < Math.abs(z0 - g.len[2] / 2)) {
                z0 = z;
            }
        }
        double radius = diameter * a0 / 2;
        double[] centre = {g.len[0] / 2, g.len[1] / 2, z0};
        boolean[] keep = new boolean[na];
        for (int a = 0; a < na; a++) {
            double dz = g.lattice[3 * a + 2] - z0;
            boolean slab = Math.abs(dz) < 1.5 * spacing;
            keep[a] = !(slab && insidePolygon(g.lattice[3 * a] - centre[0], g.lattice[3 * a + 1] - centre[1], radius));
        }
        // orient b so that the jump closes the slab: u(above) - u(below) = -|b| e_z
        double[] b = g.b.clone();
        double[] probe = new double[3];
        new LoopField(centre, radius, b, 2).single(centre[0], centre[1], z0 + 1e-6, probe);
        if (probe[2] > 0) {
            for (int d = 0; d < 3; d++) {
                b[d] = -b[d];
            }
        }
        LoopField field = new LoopField(centre, radius, b, 2);
        return assemble(sys, "prismatic-loop", size, a0, voigt, g, field, centre, radius, 2, keep, b);
    }

    /** Whether (dx, dy) lies inside the regular SIDES-gon of circumradius r with a vertex on +x. */
    static boolean insidePolygon(double dx, double dy, double r) {
        double rho = Math.hypot(dx, dy);
        double sector = 2 * Math.PI / SIDES;
        double phi = Math.atan2(dy, dx);
        double local = phi - sector * Math.floor(phi / sector) - sector / 2;
        return rho < r * Math.cos(sector / 2) / Math.cos(local);
    }

    /** The perfect supercell of about {@code size} r0 along each axis, its sites and the Burgers vector. */
    private record Cell0(Supercell sc, double[] len, double[] lattice, double[] b) {
    }

    private static Cell0 cell(DislocationSystem sys, double a0, double size) {
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
        return new Cell0(sc, len, sc.latticePositions(), b);
    }

    /**
     * Displaces the kept sites by the image-summed loop field with the Cai correction, adds the plastic
     * distortion of the slipped (or closed) disc to atoms and cell.
     */
    private static DislocationConfiguration assemble(DislocationSystem sys, String kind, double size, double a0,
                                                     double[][] voigt, Cell0 g, LoopField field, double[] centre,
                                                     double radius, int normal, boolean[] keep, double[] b) {
        double[] len = g.len;
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
        // jump J = u(above) - u(below) through the disc centre, and beta = J (x) nu area / volume
        double[] above = new double[3];
        double[] below = new double[3];
        double[] off = new double[3];
        off[normal] = 1e-6;
        field.single(centre[0] + off[0], centre[1] + off[1], centre[2] + off[2], above);
        field.single(centre[0] - off[0], centre[1] - off[1], centre[2] - off[2], below);
        double area = 0.5 * SIDES * radius * radius * Math.sin(2 * Math.PI / SIDES);
        double vol = len[0] * len[1] * len[2];
        double[] beta = new double[9];
        for (int i = 0; i < 3; i++) {
            beta[3 * i + normal] = (above[i] - below[i]) * area / vol;
        }
        double[] lattice = g.lattice;
        int na = lattice.length / 3;
        int kept = 0;
        for (int a = 0; a < na; a++) {
            kept += keep == null || keep[a] ? 1 : 0;
        }
        double[] x = new double[3 * kept];
        double[] sites = new double[3 * kept];
        Element[] all = g.sc.structure().elements();
        Element[] elements = new Element[kept];
        double[] u = new double[3];
        int out = 0;
        for (int a = 0; a < na; a++) {
            if (keep != null && !keep[a]) {
                continue;
            }
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
                x[3 * out + d] = v;
                sites[3 * out + d] = lattice[3 * a + d];
            }
            elements[out++] = all[a];
        }
        double[] ref = g.sc.structure().cell().matrix();
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
        Structure s = new Structure(x, elements, Cell.periodic(tilted))
                .withArray(Supercell.LATTICE_ARRAY, sites).wrapped();
        // the loop as "cores": its centre with b (the radius is size r0 / 4)
        List<DislocationCore> cores = List.of(new DislocationCore(centre, b.clone()));
        double[] flat = new double[36];
        for (int i = 0; i < 6; i++) {
            System.arraycopy(voigt[i], 0, flat, 6 * i, 6);
        }
        return new DislocationConfiguration(sys, kind, size, a0, s, cores, beta, ref, flat);
    }

    /**
     * Solid-angle displacement of a polygonal loop (a regular {@link #SIDES}-gon of circumradius R) in the
     * plane through the centre normal to axis {@code normal} (1 = y: vertices in the (x, z) plane, 2 = z:
     * vertices in the (x, y) plane).
     */
    static final class LoopField {
        private final double[] c;
        private final double[] vx;
        private final double[] vy;
        private final double[] vz;
        private final double[] b;

        LoopField(double[] centre, double radius, double[] b) {
            this(centre, radius, b, 1);
        }

        LoopField(double[] centre, double radius, double[] b, int normal) {
            if (normal != 1 && normal != 2) {
                throw new IllegalArgumentException("loop normal must be axis 1 (y) or 2 (z)");
            }
            this.c = centre.clone();
            this.b = b.clone();
            vx = new double[SIDES];
            vy = new double[SIDES];
            vz = new double[SIDES];
            for (int k = 0; k < SIDES; k++) {
                double t = 2 * Math.PI * k / SIDES;
                vx[k] = centre[0] + radius * Math.cos(t);
                vy[k] = normal == 1 ? centre[1] : centre[1] + radius * Math.sin(t);
                vz[k] = normal == 1 ? centre[2] + radius * Math.sin(t) : centre[2];
            }
        }

        /** Solid angle of the loop (fan of triangles from the centre, vertex order as built) seen from x. */
        double solidAngle(double x, double y, double z) {
            double r1x = c[0] - x;
            double r1y = c[1] - y;
            double r1z = c[2] - z;
            double r1 = Math.sqrt(r1x * r1x + r1y * r1y + r1z * r1z);
            double omega = 0;
            for (int k = 0; k < SIDES; k++) {
                int k1 = (k + 1) % SIDES;
                double r2x = vx[k] - x;
                double r2y = vy[k] - y;
                double r2z = vz[k] - z;
                double r3x = vx[k1] - x;
                double r3y = vy[k1] - y;
                double r3z = vz[k1] - z;
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
