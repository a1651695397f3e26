package org.burgers.simulation.dislocation;

import java.util.ArrayList;
import java.util.List;
import org.burgers.core.InputException;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.stencil.GeometryError;
import org.burgers.core.structure.Structure;

/**
 * Whether two relaxed configurations of the same atoms have the same bonds: how many pairs are bonded in one and
 * clearly not in the other. A model that relaxes a dislocation into another core structure than the reference
 * (a reconstruction bond not formed, a five-fold atom left three-fold) changes bonds; a model that only strains
 * the reference's core does not. The geometry error cannot tell the two apart, and they need different remedies:
 * the first is a discrete event whose error does not follow the fit error (W loop quick: the models that lose
 * the loop change 20-71 bonds, those that keep it none).
 *
 * <p>A bond is a pair closer than {@code lo = m - q}, no bond a pair farther than {@code hi = m + q}, with m the
 * mid-point of the first two neighbour shells of the perfect crystal (r1, r2) and q a quarter of their gap:
 * pairs in between are undecided and never count, so the noise of a relaxation or a strained core does not
 * flip a bond (diamond Si: lo 2.72, hi 3.47 A; bcc W: lo 2.83, hi 3.04 A).
 */
public final class BondChanges {
    private BondChanges() {
    }

    /** The thresholds lo and hi (A) from the first two neighbour shells of the perfect crystal. */
    public record Thresholds(double lo, double hi) {
        public static Thresholds ofShells(double r1, double r2) {
            if (!(r1 > 0 && r2 > r1)) {
                throw new InputException("neighbour shells must satisfy 0 < r1 < r2, got " + r1 + ", " + r2);
            }
            double m = 0.5 * (r1 + r2), q = 0.25 * (r2 - r1);
            return new Thresholds(m - q, m + q);
        }

        /** From a perfect crystal (its first two distinct neighbour distances, to 1e-3 A). */
        public static Thresholds ofCrystal(Structure perfect) {
            double[] r = shells(perfect, 2);
            return ofShells(r[0], r[1]);
        }
    }

    /** The first {@code count} distinct neighbour distances of a perfect crystal (A, to 1e-3 A). */
    static double[] shells(Structure perfect, int count) {
        double cutoff = Math.cbrt(perfect.cell().volume() / perfect.size());
        for (int attempt = 0; attempt < 8; attempt++, cutoff *= 1.5) {
            NeighbourList nl = NeighbourList.half(perfect, cutoff);
            List<Double> d = new ArrayList<>();
            for (int p = 0; p < nl.pairs(); p++) {
                d.add(Math.sqrt(nl.dx(p) * nl.dx(p) + nl.dy(p) * nl.dy(p) + nl.dz(p) * nl.dz(p)));
            }
            double[] distinct = d.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] out = new double[count];
            int n = 0;
            for (double x : distinct) {
                if (n == 0 || x - out[n - 1] > 1e-3) {
                    out[n++] = x;
                    if (n == count) {
                        return out;
                    }
                }
            }
        }
        throw new InputException("the perfect crystal has fewer than " + count + " neighbour shells");
    }

    /**
     * The number of pairs bonded (closer than lo) in one configuration and not bonded (farther than hi) in the
     * other. Same atoms by index, same cell; each pair is compared with its own periodic image in both, through
     * the displacement between the two configurations (minimum image), so an atom wrapped across the boundary in
     * one of them only does not count.
     */
    public static int count(Structure a, Structure b, Thresholds t) {
        double[] v = GeometryError.difference(a, b);
        return oneWay(a, v, 1, t) + oneWay(b, v, -1, t);
    }

    /** Bonds of s that the other configuration, s - sign v per atom, has broken. */
    private static int oneWay(Structure s, double[] v, int sign, Thresholds t) {
        NeighbourList nl = NeighbourList.half(s, t.lo());
        double hi2 = t.hi() * t.hi();
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            for (int p = nl.start(i); p < nl.end(i); p++) {
                int j = nl.neighbour(p);
                // the same pair in the other configuration: dx - sign (v_j - v_i)
                double x = nl.dx(p) - sign * (v[3 * j] - v[3 * i]);
                double y = nl.dy(p) - sign * (v[3 * j + 1] - v[3 * i + 1]);
                double z = nl.dz(p) - sign * (v[3 * j + 2] - v[3 * i + 2]);
                if (x * x + y * y + z * z > hi2) {
                    n++;
                }
            }
        }
        return n;
    }
}
