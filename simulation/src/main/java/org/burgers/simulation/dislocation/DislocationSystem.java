package org.burgers.simulation.dislocation;

import java.util.Arrays;
import java.util.Locale;
import org.burgers.core.InputException;
import org.burgers.simulation.lattice.Crystal;
import org.burgers.simulation.lattice.Lattice;
import org.burgers.simulation.lattice.Orientation;

/**
 * The dislocation systems of the paper (sections 4.2, 4.3): lattice, species, the dislocation frame
 * (x = cut direction in the glide plane, y = glide-plane normal, z = line), the Burgers vector in cubic
 * (conventional-cell) coordinates in units of the lattice constant, and the reference potential.
 *
 * @param name      command-line name
 * @param lattice   lattice name ("bcc", "diamond", "b2")
 * @param species   species per sublattice, comma separated
 * @param a0        lattice constant guess (A), refined from the potential
 * @param frame     Miller directions of x, y, z
 * @param burgers   Burgers vector in conventional cubic coordinates, units of a
 * @param potential default potential spec
 * @param arrangement how dipoles and quadrupoles are laid out and cut
 */
public record DislocationSystem(String name, String lattice, String species, double a0, Orientation frame,
                                double[] burgers, String potential, Arrangement arrangement) {

    public DislocationSystem {
        burgers = burgers.clone();
    }

    /** A system with partners on one glide plane ({@link Arrangement#GLIDE_PLANE}). */
    public DislocationSystem(String name, String lattice, String species, double a0, Orientation frame,
                             double[] burgers, String potential) {
        this(name, lattice, species, a0, frame, burgers, potential, Arrangement.GLIDE_PLANE);
    }

    /** 1/2[111] screw in bcc W: x = [1,1,-2], y = [-1,1,0], z = [1,1,1] (matscipy's BCCScrew111Dislocation). */
    public static final DislocationSystem W_SCREW = new DislocationSystem("w-screw", "bcc", "W", 3.14339,
            Orientation.of(new int[] {1, 1, -2}, new int[] {-1, 1, 0}, new int[] {1, 1, 1}),
            new double[] {0.5, 0.5, 0.5}, "builtin:W");

    /** 1/2[110](1-11) edge in diamond Si: b along x = [1,1,0], y = [1,-1,1], line z = [1,-1,-2]. */
    public static final DislocationSystem SI_EDGE = new DislocationSystem("si-edge", "diamond", "Si", 5.431,
            Orientation.of(new int[] {1, 1, 0}, new int[] {1, -1, 1}, new int[] {1, -1, -2}),
            new double[] {0.5, 0.5, 0}, "builtin:Si");

    /** [001](110) screw in B2 NiAl: x = [1,-1,0], y = [1,1,0], z = [0,0,1]. */
    public static final DislocationSystem NIAL_SCREW = new DislocationSystem("nial-screw", "b2", "Ni,Al", 2.8815,
            Orientation.of(new int[] {1, -1, 0}, new int[] {1, 1, 0}, new int[] {0, 0, 1}),
            new double[] {0, 0, 1}, "builtin:NiAl");

    /**
     * The 70.5 degree mixed 1/2[1,1,-1](-1,1,0) dislocation in bcc W with its line along [111] (the "M111"
     * mixed dislocation, whose compact core keeps a high Peierls barrier like the screw's; the 70.5 degree
     * mixed dislocation with line [1,1,-1] instead glides away and annihilates in small periodic cells).
     * Frame of the screw system. Its edge component b_x = a sqrt(2/3) (one column spacing along x) makes
     * opposite cores on one glide plane glide together and annihilate, so its partners sit diagonally
     * ({@link Arrangement#DIAGONAL}).
     */
    public static final DislocationSystem W_MIXED = new DislocationSystem("w-mixed", "bcc", "W", 3.14339,
            Orientation.of(new int[] {1, 1, -2}, new int[] {-1, 1, 0}, new int[] {1, 1, 1}),
            new double[] {0.5, 0.5, -0.5}, "builtin:W", Arrangement.DIAGONAL);

    /**
     * The 1/2[111](-1,1,0) edge dislocation in bcc W: x = [1,1,1] along b, y = [-1,1,0] the glide-plane normal,
     * line z = [-1,-1,2]. The segments of the prismatic 1/2[111] loop on (111) are pure edge with lines in
     * (111); those along a <112> direction, like this one, glide on a {110} plane (the plane spanned by b and
     * the line), the usual glide plane of bcc. Opposite edge cores on one glide plane glide together and
     * annihilate, so the partners sit diagonally ({@link Arrangement#DIAGONAL}, as for w-mixed).
     */
    public static final DislocationSystem W_EDGE = new DislocationSystem("w-edge", "bcc", "W", 3.14339,
            Orientation.of(new int[] {1, 1, 1}, new int[] {-1, 1, 0}, new int[] {-1, -1, 2}),
            new double[] {0.5, 0.5, 0.5}, "builtin:W", Arrangement.DIAGONAL);

    /**
     * A 1/2[111] glide loop on (-1,1,0) in bcc W in a fully periodic cube-like cell (section 4.3), in the
     * frame of the screw system.
     */
    public static final DislocationSystem W_LOOP = new DislocationSystem("w-loop", "bcc", "W", 3.14339,
            Orientation.of(new int[] {1, 1, -2}, new int[] {-1, 1, 0}, new int[] {1, 1, 1}),
            new double[] {0.5, 0.5, 0.5}, "builtin:W");

    static final DislocationSystem[] ALL = {W_SCREW, SI_EDGE, NIAL_SCREW, W_MIXED, W_EDGE, W_LOOP};

    /** The system by its command-line name. */
    public static DislocationSystem named(String name) {
        for (DislocationSystem s : ALL) {
            if (s.name.equals(name.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new InputException("unknown dislocation system '" + name + "' (known: "
                + String.join(", ", Arrays.stream(ALL).map(DislocationSystem::name).toList()) + ")");
    }

    public Crystal crystal(double a) {
        return Crystal.of(lattice, a, species);
    }

    /** The same system with another Burgers vector (cubic coordinates, units of a); must be a lattice vector. */
    public DislocationSystem withBurgers(double[] b) {
        checkLatticeVector(Lattice.named(lattice), b);
        return new DislocationSystem(name, lattice, species, a0, frame, b, potential, arrangement);
    }

    @Override
    public double[] burgers() {
        return burgers.clone();
    }

    /**
     * Throws unless {@code b} (cubic coordinates, units of a) is a non-zero translation of the lattice: it
     * must map every basis site onto a site of the same sublattice.
     */
    public static void checkLatticeVector(Lattice lat, double[] b) {
        if (b.length != 3 || Math.abs(b[0]) + Math.abs(b[1]) + Math.abs(b[2]) < 1e-9) {
            throw new InputException("Burgers vector must be a non-zero 3-vector, got " + Arrays.toString(b));
        }
        double[] basis = lat.basis();
        int[] sub = lat.sublattice();
        for (int i = 0; i < sub.length; i++) {
            boolean found = false;
            for (int k = 0; k < sub.length && !found; k++) {
                if (sub[k] != sub[i]) {
                    continue;
                }
                found = true;
                for (int d = 0; d < 3; d++) {
                    double x = basis[3 * i + d] + b[d] - basis[3 * k + d];
                    found &= Math.abs(x - Math.rint(x)) < 1e-8;
                }
            }
            if (!found) {
                throw new InputException("Burgers vector " + Arrays.toString(b) + " (units of a, cubic axes) is not a "
                        + "lattice vector of " + lat.name() + ": it does not map basis site " + i + " onto its sublattice");
            }
        }
    }

    /** Parses "1/2[111]", "0.5,0.5,0.5" or "[0 0 1]". */
    public static double[] parseBurgers(String text) {
        String t = text.trim();
        double factor = 1;
        int open = t.indexOf('[');
        if (open > 0) {
            String f = t.substring(0, open).trim();
            try {
                if (f.contains("/")) {
                    String[] p = f.split("/");
                    factor = Double.parseDouble(p[0]) / Double.parseDouble(p[1]);
                } else {
                    factor = Double.parseDouble(f);
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new InputException("cannot read the prefactor '" + f + "' of Burgers vector '" + text + "'");
            }
            t = t.substring(open);
        }
        t = t.replace("[", " ").replace("]", " ").replace(",", " ").trim();
        String[] parts = t.split("\\s+");
        if (parts.length != 3) {
            // compact Miller form such as [111] or [1-10]
            java.util.List<Double> v = new java.util.ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d").matcher(t);
            while (m.find()) {
                v.add(Double.parseDouble(m.group()));
            }
            if (v.size() != 3 || !t.matches("[-\\d]+")) {
                throw new InputException("Burgers vector '" + text + "' must have three components, e.g. 1/2[111] or 0.5,0.5,0.5");
            }
            return new double[] {factor * v.get(0), factor * v.get(1), factor * v.get(2)};
        }
        double[] b = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                b[i] = factor * Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new InputException("Burgers vector '" + text + "': component '" + parts[i] + "' is not a number");
            }
        }
        return b;
    }
}
