package org.burgers.core.stencil;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of a set of neighbour vectors rho_i (from a site at the origin) bound a two-dimensional face of the
 * site's Voronoi cell {x : x . rho_i <= |rho_i|^2 / 2 for all i} (paper (A.2), read as sharing a face, not
 * just an edge or a vertex: 14 in bcc, 12 in fcc, 16 in diamond, 6 in simple cubic).
 *
 * <p>Method: enumerate the vertices of the cell as the feasible intersections of three bisector planes, then
 * call plane i a face when the vertices lying on it span a plane (three of them not collinear). Exact for
 * degenerate vertices where more than three planes meet (fcc). Cost O(n^4) in the number of candidates,
 * which is a few tens; {@link Stencil} computes each distinct environment once.
 */
final class VoronoiFaces {
    private VoronoiFaces() {
    }

    /** The result: which candidates are faces, and the circumradius of the cell (largest vertex norm). */
    record Cell(boolean[] face, double circumradius, boolean bounded) {
    }

    /**
     * @param rho   candidate vectors, 3 per candidate (flat)
     * @param n     number of real candidates
     * @param box   half-width of a bounding cube added as extra planes (for cells that are not closed by
     *              the candidates); its planes are never faces
     */
    static Cell compute(double[] rho, int n, double box) {
        int total = n + 6;
        double[] planes = new double[3 * total];
        double[] rhs = new double[total];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(rho, 3 * i, planes, 3 * i, 3);
            double r2 = rho[3 * i] * rho[3 * i] + rho[3 * i + 1] * rho[3 * i + 1] + rho[3 * i + 2] * rho[3 * i + 2];
            rhs[i] = 0.5 * r2;
            scale = Math.max(scale, Math.sqrt(r2));
        }
        for (int k = 0; k < 6; k++) {
            int i = n + k;
            planes[3 * i + k / 2] = k % 2 == 0 ? 1 : -1;
            rhs[i] = box;
        }
        double tol = 1e-9 * Math.max(scale, box);
        List<double[]> vertices = new ArrayList<>();
        double[] x = new double[3];
        for (int i = 0; i < total; i++) {
            for (int j = i + 1; j < total; j++) {
                for (int k = j + 1; k < total; k++) {
                    if (!solve(planes, rhs, i, j, k, x)) {
                        continue;
                    }
                    if (feasible(planes, rhs, total, x, tol)) {
                        vertices.add(x.clone());
                    }
                }
            }
        }
        boolean[] face = new boolean[n];
        double circ = 0;
        boolean bounded = true;
        for (double[] v : vertices) {
            circ = Math.max(circ, Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]));
            for (int b = n; b < total; b++) {
                if (Math.abs(dot(planes, b, v) - rhs[b]) <= tol) {
                    bounded = false;   // the cell reaches the bounding cube: candidates do not close it
                }
            }
        }
        for (int i = 0; i < n; i++) {
            face[i] = spansPlane(vertices, planes, rhs, i, tol);
        }
        return new Cell(face, circ, bounded);
    }

    private static boolean spansPlane(List<double[]> vertices, double[] planes, double[] rhs, int i, double tol) {
        List<double[]> on = new ArrayList<>();
        for (double[] v : vertices) {
            if (Math.abs(dot(planes, i, v) - rhs[i]) <= tol * Math.sqrt(dot(planes, i, planes, i))) {
                on.add(v);
            }
        }
        if (on.size() < 3) {
            return false;
        }
        double[] a = on.get(0);
        double[] b = null;
        double len = 0;
        for (double[] v : on) {
            double d = dist(a, v);
            if (d > len) {
                len = d;
                b = v;
            }
        }
        if (b == null || len <= 1e3 * tol) {
            return false;
        }
        double[] u = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
        for (double[] v : on) {
            double[] w = {v[0] - a[0], v[1] - a[1], v[2] - a[2]};
            double cx = u[1] * w[2] - u[2] * w[1], cy = u[2] * w[0] - u[0] * w[2], cz = u[0] * w[1] - u[1] * w[0];
            // distance of v from the line a-b, compared with a length tolerance
            if (Math.sqrt(cx * cx + cy * cy + cz * cz) / len > 1e3 * tol) {
                return true;
            }
        }
        return false;
    }

    private static boolean feasible(double[] planes, double[] rhs, int total, double[] x, double tol) {
        for (int m = 0; m < total; m++) {
            if (dot(planes, m, x) - rhs[m] > tol * Math.sqrt(dot(planes, m, planes, m))) {
                return false;
            }
        }
        return true;
    }

    /** Intersection of planes i, j, k by Cramer's rule; false if (nearly) parallel. */
    private static boolean solve(double[] p, double[] rhs, int i, int j, int k, double[] x) {
        double a0 = p[3 * i], a1 = p[3 * i + 1], a2 = p[3 * i + 2];
        double b0 = p[3 * j], b1 = p[3 * j + 1], b2 = p[3 * j + 2];
        double c0 = p[3 * k], c1 = p[3 * k + 1], c2 = p[3 * k + 2];
        double det = a0 * (b1 * c2 - b2 * c1) - a1 * (b0 * c2 - b2 * c0) + a2 * (b0 * c1 - b1 * c0);
        double na = Math.sqrt(a0 * a0 + a1 * a1 + a2 * a2), nb = Math.sqrt(b0 * b0 + b1 * b1 + b2 * b2),
                nc = Math.sqrt(c0 * c0 + c1 * c1 + c2 * c2);
        if (Math.abs(det) < 1e-9 * na * nb * nc) {
            return false;
        }
        double r0 = rhs[i], r1 = rhs[j], r2 = rhs[k];
        x[0] = (r0 * (b1 * c2 - b2 * c1) - a1 * (r1 * c2 - b2 * r2) + a2 * (r1 * c1 - b1 * r2)) / det;
        x[1] = (a0 * (r1 * c2 - b2 * r2) - r0 * (b0 * c2 - b2 * c0) + a2 * (b0 * r2 - r1 * c0)) / det;
        x[2] = (a0 * (b1 * r2 - r1 * c1) - a1 * (b0 * r2 - r1 * c0) + r0 * (b0 * c1 - b1 * c0)) / det;
        return true;
    }

    private static double dot(double[] p, int i, double[] x) {
        return p[3 * i] * x[0] + p[3 * i + 1] * x[1] + p[3 * i + 2] * x[2];
    }

    private static double dot(double[] p, int i, double[] q, int j) {
        return p[3 * i] * q[3 * j] + p[3 * i + 1] * q[3 * j + 1] + p[3 * i + 2] * q[3 * j + 2];
    }

    private static double dist(double[] a, double[] b) {
        double dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
