package org.burgers.fitting.config;

import java.util.Locale;
import org.burgers.core.InputException;
import org.burgers.core.elasticity.LatticeConstant;
import org.burgers.core.potential.Potential;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;

/**
 * An elastic observation as configured: a Bravais lattice (bcc or fcc; clamped-ion Cauchy-Born is exact for
 * them, and relaxed-ion tensors would not be linear in the coefficients), its species, the reference potential
 * (a {@code scheme:argument} specification) and optionally the lattice constant (relaxed with the reference
 * potential when absent).
 */
public record ElasticSpec(String lattice, String species, String potential, Double a0) {

    public ElasticSpec {
        lattice = lattice.toLowerCase(Locale.ROOT);
        if (!lattice.equals("bcc") && !lattice.equals("fcc")) {
            throw new InputException("elastic observation: lattice '" + lattice + "' is not supported (bcc or fcc; "
                    + "lattices with a basis need relaxed-ion constants, which are not linear in the coefficients)");
        }
        if (!Element.isKnown(species)) {
            throw new InputException("elastic observation: unknown species '" + species + "'");
        }
        if (a0 != null && !(a0 > 0)) {
            throw new InputException("elastic observation: a0 must be positive, got " + a0);
        }
    }

    /** {@code bcc:builtin:W} (lattice, then the potential specification) for the given species. */
    public static ElasticSpec parse(String text, String species) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new InputException("--elastic '" + text + "' is not of the form LATTICE:POTENTIAL (e.g. bcc:builtin:W)");
        }
        return new ElasticSpec(text.substring(0, colon), species, text.substring(colon + 1), null);
    }

    /** The conventional cubic cell at lattice constant 1. */
    public Structure unitCellAtScaleOne() {
        double[][] basis = lattice.equals("bcc") ? new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}}
                : new double[][] {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        double[] x = new double[3 * basis.length];
        Element[] el = new Element[basis.length];
        for (int i = 0; i < basis.length; i++) {
            System.arraycopy(basis[i], 0, x, 3 * i, 3);
            el[i] = Element.of(species);
        }
        return new Structure(x, el, Cell.orthorhombic(1, 1, 1));
    }

    /**
     * The unit cell at a0, or at the reference potential's equilibrium lattice constant, searched within
     * +-25% of the lattice constant that puts nearest neighbours at {@code nearestNeighbour}.
     */
    public Structure unitCell(Potential reference, double nearestNeighbour) {
        Structure one = unitCellAtScaleOne();
        double a = a0 != null ? a0 : relaxedA0(reference, nearestNeighbour);
        return LatticeConstant.scaled(one, a);
    }

    public double relaxedA0(Potential reference, double nearestNeighbour) {
        double guess = lattice.equals("bcc") ? 2 * nearestNeighbour / Math.sqrt(3) : Math.sqrt(2) * nearestNeighbour;
        return LatticeConstant.relax(reference, unitCellAtScaleOne(), 0.75 * guess, 1.25 * guess).a();
    }
}
