package org.burgers.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.burgers.core.InputException;

/**
 * The differential-displacement (Vitek) map of a straight dislocation configuration: atom columns projected
 * along the line (z), shaded by their height in the perfect lattice, and for every pair of neighbouring
 * columns an arrow along the bond whose length is the difference of their z displacements (reduced to
 * (-p/2, p/2], p the period along z), scaled so that a difference of p/3 spans the whole bond, and drawn
 * when longer than a tenth of the bond (Vitek,
 * Perrin and Bowen, Phil. Mag. 21, 1049 (1970)). Cores are marked with crosses (+b red, -b blue).
 * Plain java.awt, headless.
 */
public final class VitekMap {
    private VitekMap() {
    }

    /**
     * @param lattice   perfect sites (3 per atom)
     * @param positions relaxed positions (3 per atom), same order
     * @param cell      reference cell (row-major; rows 0 and 1 in-plane, row 2 along the line)
     * @param cores     core positions (x, y, z per core) and {@code signs} +1/-1 per core
     */
    public static void write(Path png, double[] lattice, double[] positions, double[] cell, double[] cores,
                             int[] signs, int pixels) {
        write(png, lattice, positions, cell, cores, signs, pixels, null, null, null);
    }

    /**
     * As above, for dislocations with an edge component whose cuts are not invisible in z (the W mixed
     * dislocation: b_z = p/3). The elastic displacement of an atom is {@code x - R - beta R} ({@code beta} the
     * plastic distortion added to atoms and cell), unwrapped by whole vectors of the actual (tilted) cell; the
     * difference of two neighbours is reduced by the nearest multiple of {@code b} (the lattice translation
     * across a cut, as in a Burgers circuit) and then its z component modulo p, as before.
     *
     * @param actualCell the cell the positions were wrapped in (row-major), or null: z unwrapped by p only
     * @param plastic    beta (row-major 3x3) or null for zero
     * @param burgers    the Burgers vector of one core (A) or null for (0, 0, p)
     */
    public static void write(Path png, double[] lattice, double[] positions, double[] cell, double[] cores,
                             int[] signs, int pixels, double[] actualCell, double[] plastic, double[] burgers) {
        double lx = cell[0];
        double ly = cell[4];
        double pz = cell[8];
        if (Math.abs(cell[1]) > 1e-9 || Math.abs(cell[3]) > 1e-9) {
            throw new InputException("Vitek map needs an in-plane rectangular reference cell");
        }
        // one atom per column: the first with those (x, y)
        Map<Long, Integer> first = new HashMap<>();
        List<Integer> cols = new ArrayList<>();
        int n = lattice.length / 3;
        for (int i = 0; i < n; i++) {
            long key = Math.round(wrap(lattice[3 * i], lx) * 1e3) * 4_000_000_007L
                    + Math.round(wrap(lattice[3 * i + 1], ly) * 1e3);
            if (first.putIfAbsent(key, i) == null) {
                cols.add(i);
            }
        }
        int m = cols.size();
        double[] cx = new double[m];
        double[] cy = new double[m];
        double[] h = new double[m];
        double[] u = new double[3 * m];
        org.burgers.core.structure.Cell actual = actualCell == null ? null
                : org.burgers.core.structure.Cell.periodic(actualCell);
        double[] frac = new double[3];
        for (int c = 0; c < m; c++) {
            int i = cols.get(c);
            cx[c] = wrap(lattice[3 * i], lx);
            cy[c] = wrap(lattice[3 * i + 1], ly);
            h[c] = wrap(lattice[3 * i + 2], pz) / pz;
            for (int d = 0; d < 3; d++) {
                double v = positions[3 * i + d] - lattice[3 * i + d];
                for (int e = 0; plastic != null && e < 3; e++) {
                    v -= plastic[3 * d + e] * lattice[3 * i + e];
                }
                u[3 * c + d] = v;
            }
            if (actual != null) {
                actual.toFractional(u[3 * c], u[3 * c + 1], u[3 * c + 2], frac, 0);
                for (int k = 0; k < 3; k++) {
                    double wk = Math.rint(frac[k]);
                    for (int d = 0; d < 3; d++) {
                        u[3 * c + d] -= wk * actualCell[3 * k + d];
                    }
                }
            }
        }
        double[] bv = burgers == null ? new double[] {0, 0, pz} : burgers.clone();
        double bb = bv[0] * bv[0] + bv[1] * bv[1] + bv[2] * bv[2];
        // nearest projected column distance
        double dnn = Double.POSITIVE_INFINITY;
        for (int a = 1; a < Math.min(m, 200); a++) {
            dnn = Math.min(dnn, periodicDistance(cx[0], cy[0], cx[a], cy[a], lx, ly));
        }
        double scale = pixels / Math.max(lx, ly);
        int w = (int) Math.ceil(lx * scale) + 20;
        int hgt = (int) Math.ceil(ly * scale) + 20;
        BufferedImage img = new BufferedImage(w, hgt, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, hgt);
        double r = 0.18 * dnn * scale;
        for (int c = 0; c < m; c++) {
            float shade = (float) (0.35 + 0.6 * h[c]);
            g.setColor(new Color(shade, shade, shade));
            g.fill(new Ellipse2D.Double(px(cx[c], scale) - r, py(cy[c], ly, scale) - r, 2 * r, 2 * r));
            g.setColor(Color.DARK_GRAY);
            g.draw(new Ellipse2D.Double(px(cx[c], scale) - r, py(cy[c], ly, scale) - r, 2 * r, 2 * r));
        }
        // arrows between neighbouring columns (cell list in a simple grid)
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke((float) Math.max(1, 0.03 * dnn * scale)));
        int gx = Math.max(1, (int) (lx / (1.2 * dnn)));
        int gy = Math.max(1, (int) (ly / (1.2 * dnn)));
        List<List<Integer>> grid = new ArrayList<>();
        for (int k = 0; k < gx * gy; k++) {
            grid.add(new ArrayList<>());
        }
        for (int c = 0; c < m; c++) {
            grid.get(cell(cx[c], lx, gx) * gy + cell(cy[c], ly, gy)).add(c);
        }
        for (int a = 0; a < m; a++) {
            int ix = cell(cx[a], lx, gx);
            int iy = cell(cy[a], ly, gy);
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    for (int b : grid.get(Math.floorMod(ix + dx, gx) * gy + Math.floorMod(iy + dy, gy))) {
                        if (b <= a) {
                            continue;
                        }
                        double vx = cx[b] - cx[a];
                        double vy = cy[b] - cy[a];
                        vx -= Math.rint(vx / lx) * lx;
                        vy -= Math.rint(vy / ly) * ly;
                        double d = Math.hypot(vx, vy);
                        if (d > 1.05 * dnn) {
                            continue;
                        }
                        double[] dv = {u[3 * b] - u[3 * a], u[3 * b + 1] - u[3 * a + 1], u[3 * b + 2] - u[3 * a + 2]};
                        double nb = Math.rint((dv[0] * bv[0] + dv[1] * bv[1] + dv[2] * bv[2]) / bb);
                        double du = dv[2] - nb * bv[2];
                        du -= Math.rint(du / pz) * pz;
                        double len = du / (pz / 3) * d;   // p/3 spans the bond
                        if (Math.abs(len) < 0.1 * d) {
                            continue;   // far-field differences below a tenth of the bond are left out
                        }
                        double mx = cx[a] + 0.5 * vx;
                        double my = cy[a] + 0.5 * vy;
                        double ex = vx / d;
                        double ey = vy / d;
                        arrow(g, mx - 0.5 * len * ex, my - 0.5 * len * ey, mx + 0.5 * len * ex, my + 0.5 * len * ey,
                                ly, scale);
                    }
                }
            }
        }
        g.setStroke(new BasicStroke(2f));
        double cs = 0.3 * dnn * scale;
        for (int k = 0; k < signs.length; k++) {
            g.setColor(signs[k] > 0 ? new Color(200, 0, 0) : new Color(0, 60, 200));
            double x0 = px(wrap(cores[3 * k], lx), scale);
            double y0 = py(wrap(cores[3 * k + 1], ly), ly, scale);
            g.draw(new Line2D.Double(x0 - cs, y0 - cs, x0 + cs, y0 + cs));
            g.draw(new Line2D.Double(x0 - cs, y0 + cs, x0 + cs, y0 - cs));
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(String.format(java.util.Locale.ROOT, "%.1f x %.1f A, %d columns", lx, ly, m), 12, hgt - 6);
        g.dispose();
        try {
            Path dir = png.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            ImageIO.write(img, "png", png.toFile());
        } catch (IOException e) {
            throw new InputException("cannot write " + png + ": " + e.getMessage(), e);
        }
    }

    private static void arrow(Graphics2D g, double x0, double y0, double x1, double y1, double ly, double s) {
        double ax = px(x0, s);
        double ay = py(y0, ly, s);
        double bx = px(x1, s);
        double by = py(y1, ly, s);
        g.draw(new Line2D.Double(ax, ay, bx, by));
        double l = Math.hypot(bx - ax, by - ay);
        if (l < 2) {
            return;
        }
        double ux = (bx - ax) / l;
        double uy = (by - ay) / l;
        double head = Math.min(0.35 * l, 8);
        Path2D tip = new Path2D.Double();
        tip.moveTo(bx, by);
        tip.lineTo(bx - head * ux + 0.5 * head * uy, by - head * uy - 0.5 * head * ux);
        tip.lineTo(bx - head * ux - 0.5 * head * uy, by - head * uy + 0.5 * head * ux);
        tip.closePath();
        g.fill(tip);
    }

    private static int cell(double v, double l, int n) {
        return Math.min(n - 1, (int) (v / l * n));
    }

    private static double px(double x, double s) {
        return 10 + x * s;
    }

    private static double py(double y, double ly, double s) {
        return 10 + (ly - y) * s;
    }

    private static double wrap(double v, double l) {
        double w = v - Math.floor(v / l) * l;
        return w >= l - 1e-7 ? 0 : w;
    }

    private static double periodicDistance(double x0, double y0, double x1, double y1, double lx, double ly) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        dx -= Math.rint(dx / lx) * lx;
        dy -= Math.rint(dy / ly) * ly;
        double d = Math.hypot(dx, dy);
        return d < 1e-6 ? Double.POSITIVE_INFINITY : d;
    }
}
