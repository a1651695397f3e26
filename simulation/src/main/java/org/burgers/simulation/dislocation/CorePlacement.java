package org.burgers.simulation.dislocation;

import java.util.ArrayList;
import java.util.List;
import org.burgers.simulation.dislocation.elastic.LineDislocationField;

/**
 * Where a core goes in the perfect lattice, near a requested point.
 *
 * <ul>
 * <li>Screw dislocations (no in-plane Burgers component) sit at a vertex of the Voronoi diagram of the
 * projected atom columns, the point farthest from every column: the centroid of a triangle of [111]
 * columns in bcc (matscipy's BCCScrew111Dislocation), the centre of a square of [001] columns in B2. Of the
 * two kinds of triangles in bcc the one whose three columns keep distinct heights under the core's
 * displacement is taken (the easy core; the other kind collapses the three heights into one plane, the hard
 * core). B2 quadrupole cores then move to a Ni-Al bond centre ({@link #bondCentreOfMixedSquare}).</li>
 * <li>Dislocations with an edge component sit halfway between two lattice planes normal to y (the widest
 * gap near the request: the shuffle set in diamond), so the branch cut along x crosses no atom (B.1-B.3),
 * and along x as far from the columns as possible.</li>
 * </ul>
 */
final class CorePlacement {
    private CorePlacement() {
    }

    static boolean isScrew(double[] bFrame) {
        return Math.hypot(bFrame[0], bFrame[1]) < 1e-9 * Math.abs(bFrame[2]);
    }

    /**
     * @param field  the +b field (for the easy-core test); {@code sign} -1 for a -b core
     * @param planeY if not NaN, the core must lie on this y (the partner's glide plane)
     * @param pz     period of the cell along the line
     */
    static double[] place(Columns cols, double tx, double ty, LineDislocationField field, int sign, double planeY,
                          double pz) {
        double[] b = field.burgers();
        if (isScrew(b) && Double.isNaN(planeY)) {
            return voronoiVertex(cols, tx, ty, field, sign, pz);
        }
        double y0 = Double.isNaN(planeY) ? betweenPlanes(cols, ty) : planeY;
        return alongLine(cols, tx, y0);
    }

    /**
     * A quadrupole's screw core whose Voronoi vertex is the centre of a square of columns of two sublattices
     * (B2 along [001]: two Ni and two Al columns on the diagonals) is moved to the midpoint of one of the
     * square's edges, the centre of a Ni-Al column pair. Measured with the Mishin 2002 NiAl potential
     * (docs/dislocations.md): in a quadrupole every core sits where the elastic forces cancel by symmetry, and
     * the symmetric core at the square centre is a saddle there (the relaxed cores leave it and the quadrupole
     * annihilates at 10, 24, 30, 40 and 60 r0), while cores started on bond centres relax nearby and stay.
     * (Dipoles keep the square centres: the partner's attraction moves their cores off the centre along the
     * dipole, where they stay.) Which bond matters: the +b cores take the bond along y (the edge normal to
     * the cut direction x), the -b cores the bond along x. Then each pair of nearest opposite cores, which
     * separate along x or along y, has one core of each kind, and the collective glide of a pair (the unstable
     * mode of the elastic interaction of a periodic quadrupole, Earnshaw's theorem for the 2D logarithmic
     * interaction of screws) is blocked; with all four cores on bonds of one direction the quadrupole still
     * annihilates in cells with an odd number of columns between partners (24 and 30 r0, measured). Of the
     * two edges of the right direction the one nearer the cell centre is taken, so the four cores of a
     * quadrupole are an inversion-symmetric set and their shifts cancel in the net slip. Other vertices (bcc
     * triangles, single-sublattice squares) are returned unchanged.
     *
     * @param hand sign of the core's Burgers vector along +z
     */
    static double[] bondCentreOfMixedSquare(Columns cols, double[] v, double hand) {
        if (Double.isNaN(hand) || hand == 0) {
            return v;
        }
        List<double[]> near = cols.near(v[0], v[1], 6);
        near.sort((p, q) -> Double.compare(Math.hypot(p[0] - v[0], p[1] - v[1]), Math.hypot(q[0] - v[0], q[1] - v[1])));
        if (near.size() < 5) {
            return v;
        }
        double r0 = Math.hypot(near.get(0)[0] - v[0], near.get(0)[1] - v[1]);
        double r4 = Math.hypot(near.get(4)[0] - v[0], near.get(4)[1] - v[1]);
        for (int k = 1; k < 4; k++) {
            if (Math.abs(Math.hypot(near.get(k)[0] - v[0], near.get(k)[1] - v[1]) - r0) > 1e-6) {
                return v;   // not four equidistant columns: a triangle (bcc) or a lower-symmetry vertex
            }
        }
        if (r4 < r0 + 1e-6) {
            return v;
        }
        // corners in counter-clockwise order about the vertex
        List<double[]> corners = new ArrayList<>(near.subList(0, 4));
        corners.sort((p, q) -> Double.compare(Math.atan2(p[1] - v[1], p[0] - v[0]), Math.atan2(q[1] - v[1], q[0] - v[0])));
        double tx = cols.lx / 2;
        double ty = cols.ly / 2;
        double[] best = null;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 4; k++) {
            double[] p = corners.get(k);
            double[] q = corners.get((k + 1) % 4);
            if (cols.sublattice[(int) p[3]] == cols.sublattice[(int) q[3]]) {
                return v;   // a square of one sublattice (or not alternating): no mixed bond to centre on
            }
            boolean bondAlongY = Math.abs(q[1] - p[1]) > Math.abs(q[0] - p[0]);
            if (bondAlongY != (hand > 0)) {
                continue;
            }
            double mx = 0.5 * (p[0] + q[0]);
            double my = 0.5 * (p[1] + q[1]);
            double d = Math.hypot(mx - tx, my - ty);
            if (d < bestDist - 1e-6) {
                best = new double[] {mx, my};
                bestDist = d;
            }
        }
        return best == null ? v : best;
    }

    private static double nearestSpacing(List<double[]> near) {
        double d = Double.POSITIVE_INFINITY;
        for (int i = 0; i < near.size(); i++) {
            for (int j = 0; j < i; j++) {
                double r = Math.hypot(near.get(i)[0] - near.get(j)[0], near.get(i)[1] - near.get(j)[1]);
                if (r > 1e-6) {
                    d = Math.min(d, r);
                }
            }
        }
        return d;
    }

    private static double[] voronoiVertex(Columns cols, double tx, double ty, LineDislocationField field, int sign,
                                          double pz) {
        double radius = 9;
        List<double[]> near = cols.near(tx, ty, radius);
        while (near.size() < 40) {
            radius *= 1.5;
            near = cols.near(tx, ty, radius);
        }
        double dnn = nearestSpacing(near);
        List<double[]> candidates = new ArrayList<>();   // {cx, cy, rho}
        double best = 0;
        int n = near.size();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (dist(near.get(i), near.get(j)) > 1.6 * dnn) {
                    continue;
                }
                for (int k = j + 1; k < n; k++) {
                    if (dist(near.get(i), near.get(k)) > 1.6 * dnn || dist(near.get(j), near.get(k)) > 1.6 * dnn) {
                        continue;
                    }
                    double[] c = circumcentre(near.get(i), near.get(j), near.get(k));
                    if (c == null || Math.hypot(c[0] - tx, c[1] - ty) > radius - 2 * dnn) {
                        continue;
                    }
                    boolean empty = true;
                    for (double[] p : near) {
                        if (Math.hypot(p[0] - c[0], p[1] - c[1]) < c[2] - 1e-6) {
                            empty = false;
                            break;
                        }
                    }
                    if (empty) {
                        candidates.add(c);
                        best = Math.max(best, c[2]);
                    }
                }
            }
        }
        double[] choice = null;
        double choiceSpread = -1;
        double choiceDist = Double.POSITIVE_INFINITY;
        double[] u = new double[3];
        for (double[] c : candidates) {
            if (c[2] < best - 1e-6) {
                continue;
            }
            // heights of the three nearest columns after the core's displacement
            List<double[]> byDistance = new ArrayList<>(near);
            byDistance.sort((p, q) -> Double.compare(Math.hypot(p[0] - c[0], p[1] - c[1]),
                    Math.hypot(q[0] - c[0], q[1] - c[1])));
            double[] h = new double[3];
            for (int m = 0; m < 3; m++) {
                double[] p = byDistance.get(m);
                field.displacement(p[0] - c[0], p[1] - c[1], u, 0);
                h[m] = p[2] + sign * u[2];
            }
            double spread = 0;
            for (int a = 0; a < 3; a++) {
                for (int bb = a + 1; bb < 3; bb++) {
                    double d = (h[a] - h[bb]) / pz;
                    d -= Math.rint(d);
                    spread += Math.abs(d);
                }
            }
            spread = Math.rint(spread * 1e6) / 1e6;
            double dist = Math.hypot(c[0] - tx, c[1] - ty);
            if (spread > choiceSpread + 1e-6 || (Math.abs(spread - choiceSpread) <= 1e-6 && dist < choiceDist - 1e-9)) {
                choice = c;
                choiceSpread = spread;
                choiceDist = dist;
            }
        }
        if (choice == null) {
            throw new IllegalStateException("no Voronoi vertex of the atom columns near (" + tx + ", " + ty + ")");
        }
        return new double[] {choice[0], choice[1]};
    }

    private static double dist(double[] p, double[] q) {
        return Math.hypot(p[0] - q[0], p[1] - q[1]);
    }

    private static double[] circumcentre(double[] a, double[] b, double[] c) {
        double bx = b[0] - a[0];
        double by = b[1] - a[1];
        double cx = c[0] - a[0];
        double cy = c[1] - a[1];
        double d = 2 * (bx * cy - by * cx);
        if (Math.abs(d) < 1e-9) {
            return null;
        }
        double b2 = bx * bx + by * by;
        double c2 = cx * cx + cy * cy;
        double ux = (cy * b2 - by * c2) / d;
        double uy = (bx * c2 - cx * b2) / d;
        return new double[] {a[0] + ux, a[1] + uy, Math.hypot(ux, uy)};
    }

    /**
     * The in-plane lattice translation nearest to (tx, ty): a difference of two columns that maps every column
     * onto a column. Moving a dipole by it keeps the cores' environments (easy cores stay easy) and makes the
     * second dipole of a quadrupole cancel the plastic strain of the first exactly.
     */
    static double[] translationNear(Columns cols, double tx, double ty) {
        double x0 = cols.x[0];
        double y0 = cols.y[0];
        java.util.Set<Long> keys = new java.util.HashSet<>();
        for (int c = 0; c < cols.size(); c++) {
            keys.add(key(cols.x[c], cols.y[c], cols));
        }
        double[] best = null;
        double bestDist = Double.POSITIVE_INFINITY;
        for (double[] p : cols.near(x0 + tx, y0 + ty, 6)) {
            double dx = p[0] - x0;
            double dy = p[1] - y0;
            double dist = Math.hypot(dx - tx, dy - ty);
            if (dist >= bestDist) {
                continue;
            }
            boolean ok = true;
            for (int c = 0; c < cols.size() && ok; c++) {
                ok = keys.contains(key(cols.x[c] + dx, cols.y[c] + dy, cols));
            }
            if (ok) {
                best = new double[] {dx, dy};
                bestDist = dist;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no lattice translation near (" + tx + ", " + ty + ")");
        }
        return best;
    }

    private static long key(double x, double y, Columns cols) {
        return Math.round(Columns.wrap(x + 1e-6, cols.lx) * 1e3) * 4_000_000_007L
                + Math.round(Columns.wrap(y + 1e-6, cols.ly) * 1e3);
    }

    /** Midpoint of the widest gap between consecutive planes near y = ty (ties: the nearest to ty). */
    static double betweenPlanes(Columns cols, double ty) {
        double[] p = cols.planes();
        double bestGap = -1;
        double bestY = Double.NaN;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int shift = -1; shift <= 1; shift++) {
            for (int k = 0; k < p.length; k++) {
                double lo = p[k] + shift * cols.ly;
                double hi = (k + 1 < p.length ? p[k + 1] : p[0] + cols.ly) + shift * cols.ly;
                double mid = 0.5 * (lo + hi);
                double gap = Math.rint((hi - lo) * 1e6) / 1e6;
                double dist = Math.abs(mid - ty);
                if (dist > 2.5 * (hi - lo) + 1e-9 && dist > 3) {
                    continue;   // only gaps near the request compete
                }
                if (gap > bestGap + 1e-6 || (Math.abs(gap - bestGap) <= 1e-6 && dist < bestDist)) {
                    bestGap = gap;
                    bestY = mid;
                    bestDist = dist;
                }
            }
        }
        return bestY;
    }

    /** On the line y = y0, the point within one column spacing of tx farthest from every column. */
    static double[] alongLine(Columns cols, double tx, double y0) {
        List<double[]> near = cols.near(tx, y0, 12);
        double best = -1;
        double bx = tx;
        int steps = 2000;
        double span = 4;
        for (int s = 0; s <= steps; s++) {
            double x = tx - span + 2 * span * s / steps;
            double m = Double.POSITIVE_INFINITY;
            for (double[] p : near) {
                m = Math.min(m, Math.hypot(p[0] - x, p[1] - y0));
            }
            if (m > best + 1e-6 || (Math.abs(m - best) <= 1e-6 && Math.abs(x - tx) < Math.abs(bx - tx))) {
                best = m;
                bx = x;
            }
        }
        return new double[] {bx, y0};
    }
}
