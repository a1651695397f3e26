package org.burgers.core.structure;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.burgers.core.InputException;

/**
 * An atomic structure: Cartesian positions (flat array x0,y0,z0,x1,...; Angstrom), one {@link Element} per
 * atom, a {@link Cell}, and optional real-valued per-atom arrays (extxyz properties such as
 * {@code lattice:R:3}). Immutable: every "with" method returns a new structure and shares what it can.
 */
public final class Structure {
    private final double[] positions;
    private final Element[] elements;
    private final Cell cell;
    private final Map<String, double[]> arrays;

    public Structure(double[] positions, Element[] elements, Cell cell) {
        this(positions, elements, cell, Map.of());
    }

    public Structure(double[] positions, Element[] elements, Cell cell, Map<String, double[]> arrays) {
        if (positions.length != 3 * elements.length) {
            throw new IllegalArgumentException(
                    "positions has " + positions.length + " numbers for " + elements.length + " atoms");
        }
        checkFinite(positions);
        this.positions = positions.clone();
        this.elements = elements.clone();
        this.cell = cell;
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            double[] v = e.getValue();
            if (elements.length > 0 && v.length % elements.length != 0) {
                throw new IllegalArgumentException("per-atom array '" + e.getKey() + "' has " + v.length
                        + " numbers for " + elements.length + " atoms");
            }
            copy.put(e.getKey(), v.clone());
        }
        this.arrays = Collections.unmodifiableMap(copy);
    }

    /** A structure of one element. */
    public static Structure of(double[] positions, String symbol, Cell cell) {
        Element[] el = new Element[positions.length / 3];
        Arrays.fill(el, Element.of(symbol));
        return new Structure(positions, el, cell);
    }

    private static void checkFinite(double[] positions) {
        for (int i = 0; i < positions.length; i++) {
            if (!Double.isFinite(positions[i])) {
                throw new InputException("atom " + (i / 3) + " has a non-finite coordinate " + "xyz".charAt(i % 3)
                        + " = " + positions[i]);
            }
        }
    }

    public int size() {
        return elements.length;
    }

    /** A copy of the positions (3N). */
    public double[] positions() {
        return positions.clone();
    }

    /** Read-only access for kernels that must not allocate: do not modify the returned array. */
    public double[] positionsView() {
        return positions;
    }

    public double x(int atom, int dim) {
        return positions[3 * atom + dim];
    }

    public Element element(int atom) {
        return elements[atom];
    }

    public Element[] elements() {
        return elements.clone();
    }

    /** The distinct elements in order of first appearance. */
    public List<Element> distinctElements() {
        return List.copyOf(new LinkedHashSet<>(Arrays.asList(elements)));
    }

    public String[] symbols() {
        String[] s = new String[elements.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = elements[i].symbol();
        }
        return s;
    }

    public double[] masses() {
        double[] m = new double[elements.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = elements[i].mass();
        }
        return m;
    }

    public Cell cell() {
        return cell;
    }

    public Map<String, double[]> arrays() {
        return arrays;
    }

    /** A per-atom array by name (a copy), or null. */
    public double[] array(String name) {
        double[] v = arrays.get(name);
        return v == null ? null : v.clone();
    }

    public Structure withPositions(double[] newPositions) {
        return new Structure(newPositions, elements, cell, arrays);
    }

    public Structure withCell(Cell newCell) {
        return new Structure(positions, elements, newCell, arrays);
    }

    public Structure withArray(String name, double[] values) {
        Map<String, double[]> a = new LinkedHashMap<>(arrays);
        a.put(name, values);
        return new Structure(positions, elements, cell, a);
    }

    public Structure withoutArrays() {
        return new Structure(positions, elements, cell, Map.of());
    }

    /** Positions wrapped into the cell along periodic directions. */
    public Structure wrapped() {
        return withPositions(cell.wrap(positions));
    }

    /**
     * Apply a homogeneous deformation gradient F (row-major 3x3): cell vectors a -> F a and positions
     * x -> F x, as ASE's {@code set_cell(..., scale_atoms=True)} does.
     */
    public Structure deformed(double[] f) {
        double[] p = new double[positions.length];
        for (int i = 0; i < positions.length; i += 3) {
            for (int r = 0; r < 3; r++) {
                p[i + r] = f[3 * r] * positions[i] + f[3 * r + 1] * positions[i + 1] + f[3 * r + 2] * positions[i + 2];
            }
        }
        return new Structure(p, elements, cell.deform(f), arrays);
    }

    /** The atoms in the given order: atom k of the result is atom order[k] of this one. */
    public Structure permuted(int[] order) {
        double[] p = new double[positions.length];
        Element[] e = new Element[elements.length];
        for (int k = 0; k < order.length; k++) {
            System.arraycopy(positions, 3 * order[k], p, 3 * k, 3);
            e[k] = elements[order[k]];
        }
        Map<String, double[]> a = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> en : arrays.entrySet()) {
            int c = en.getValue().length / Math.max(1, elements.length);
            double[] v = new double[en.getValue().length];
            for (int k = 0; k < order.length; k++) {
                System.arraycopy(en.getValue(), c * order[k], v, c * k, c);
            }
            a.put(en.getKey(), v);
        }
        return new Structure(p, e, cell, a);
    }
}
