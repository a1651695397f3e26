package org.burgers.fitting.config;

import java.util.Locale;
import org.burgers.core.InputException;
import org.burgers.core.elasticity.LatticeConstant;
import org.burgers.core.potential.Potential;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;

/**
 * An elastic observation as configured: a cubic lattice (bcc, fcc, B2 or diamond), its species (for B2 two,
 * corner then centre: {@code Ni,Al}), the reference potential (a {@code scheme:argument} specification) and
 * optionally the lattice constant (relaxed with the reference potential when absent). On bcc, fcc and B2 every
 * site is an inversion centre, a homogeneous strain leaves the sublattices in place and the clamped-ion
 * Cauchy-Born tensors are the relaxed-ion ones. In diamond a shear moves the two sublattices against each
 * other; the observation then has the sublattice shift as a variable of its own ({@link
 * org.burgers.fitting.loss.ElasticObservation}), which keeps the rows linear in the coefficients.
 */
public record ElasticSpec(String lattice, String species, String potential, Double a0) {

    public ElasticSpec {
        lattice = lattice.toLowerCase(Locale.ROOT);
        if (!lattice.equals("bcc") && !lattice.equals("fcc") && !lattice.equals("b2") && !lattice.equals("diamond")) {
            throw new InputException("elastic observation: lattice '" + lattice + "' is not supported (bcc, fcc, b2 "
                    + "or diamond)");
        }
        String[] sp = species.split(",", -1);
        if (sp.length != (lattice.equals("b2") ? 2 : 1)) {
            throw new InputException("elastic observation: lattice " + lattice + " needs " + (lattice.equals("b2")
                    ? "two species, corner and centre (e.g. Ni,Al)" : "one species") + ", got '" + species + "'");
        }
        for (String e : sp) {
            if (!Element.isKnown(e.trim())) {
                throw new InputException("elastic observation: unknown species '" + e.trim() + "'");
            }
        }
        if (a0 != null && !(a0 > 0)) {
            throw new InputException("elastic observation: a0 must be positive, got " + a0);
        }
    }

    /**
     * {@code bcc:builtin:W} (lattice, then the potential specification) for the given species (for b2 the two,
     * comma-separated).
     */
    public static ElasticSpec parse(String text, String species) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new InputException("--elastic '" + text + "' is not of the form LATTICE:POTENTIAL (e.g. bcc:builtin:W)");
        }
        return new ElasticSpec(text.substring(0, colon), species, text.substring(colon + 1), null);
    }

    /** The conventional cubic cell at lattice constant 1. */
    public Structure unitCellAtScaleOne() {
        double[][] basis = switch (lattice) {
            case "fcc" -> new double[][] {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
            case "diamond" -> new double[][] {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5},
                {0.25, 0.25, 0.25}, {0.75, 0.75, 0.25}, {0.75, 0.25, 0.75}, {0.25, 0.75, 0.75}};
            default -> new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}};
        };
        String[] sp = species.split(",");
        double[] x = new double[3 * basis.length];
        Element[] el = new Element[basis.length];
        for (int i = 0; i < basis.length; i++) {
            System.arraycopy(basis[i], 0, x, 3 * i, 3);
            // b2: corner and centre; bcc, fcc: one species
            el[i] = Element.of(sp[Math.min(i, sp.length - 1)].trim());
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
        double guess = switch (lattice) {
            case "fcc" -> Math.sqrt(2) * nearestNeighbour;
            case "diamond" -> 4 * nearestNeighbour / Math.sqrt(3);
            default -> 2 * nearestNeighbour / Math.sqrt(3);
        };
        return LatticeConstant.relax(reference, unitCellAtScaleOne(), 0.75 * guess, 1.25 * guess).a();
    }
}
