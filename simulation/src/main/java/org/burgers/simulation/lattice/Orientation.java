package org.burgers.simulation.lattice;

import java.util.Arrays;
import org.burgers.core.InputException;

/**
 * Three mutually orthogonal Miller directions {@code [uvw]} (in the conventional cell of a lattice) that
 * become the x, y and z axes of an oriented supercell, e.g. the W screw cell x = [1,1,-2], y = [-1,1,0],
 * z = [1,1,1]. They must form a right-handed set (LAMMPS and the oracle reject left-handed cells).
 */
public record Orientation(int[][] directions) {

    public static final Orientation CUBE = new Orientation(new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});

    public Orientation {
        if (directions.length != 3) {
            throw new InputException("an orientation needs three Miller directions, got " + directions.length);
        }
        int[][] c = new int[3][];
        for (int k = 0; k < 3; k++) {
            if (directions[k].length != 3) {
                throw new InputException("Miller direction " + k + " " + Arrays.toString(directions[k])
                        + " does not have three indices");
            }
            if (directions[k][0] == 0 && directions[k][1] == 0 && directions[k][2] == 0) {
                throw new InputException("Miller direction " + k + " is [0,0,0]");
            }
            c[k] = directions[k].clone();
        }
        directions = c;
    }

    public static Orientation of(int[] x, int[] y, int[] z) {
        return new Orientation(new int[][] {x, y, z});
    }

    /** Parses "1,1,-2/-1,1,0/1,1,1" or "[1,1,-2] [-1,1,0] [1,1,1]". */
    public static Orientation parse(String text) {
        String[] parts = text.replace("[", " ").replace("]", " / ").split("[/;]");
        int[][] d = Arrays.stream(parts).map(String::trim).filter(p -> !p.isEmpty()).map(p -> {
            String[] t = p.split("[,\\s]+");
            int[] v = new int[t.length];
            for (int i = 0; i < t.length; i++) {
                try {
                    v[i] = Integer.parseInt(t[i]);
                } catch (NumberFormatException e) {
                    throw new InputException("Miller index '" + t[i] + "' in '" + text + "' is not an integer");
                }
            }
            return v;
        }).toArray(int[][]::new);
        return new Orientation(d);
    }

    public int[] direction(int k) {
        return directions[k].clone();
    }

    @Override
    public int[][] directions() {
        return new int[][] {directions[0].clone(), directions[1].clone(), directions[2].clone()};
    }

    /** The primitive integer direction (components divided by their gcd). */
    static int[] primitive(int[] d) {
        int g = gcd(gcd(Math.abs(d[0]), Math.abs(d[1])), Math.abs(d[2]));
        return new int[] {d[0] / g, d[1] / g, d[2] / g};
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Orientation r && Arrays.deepEquals(directions, r.directions);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(directions);
    }

    @Override
    public String toString() {
        return Arrays.toString(directions[0]) + Arrays.toString(directions[1]) + Arrays.toString(directions[2]);
    }
}
