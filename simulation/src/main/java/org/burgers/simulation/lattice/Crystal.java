package org.burgers.simulation.lattice;

import java.util.Arrays;
import java.util.List;
import org.burgers.core.InputException;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;

/**
 * A lattice with a lattice constant and one element per sublattice: bcc W, diamond Si, B2 NiAl (Ni on
 * the corner sublattice, Al at the body centre).
 *
 * @param lattice the lattice
 * @param a       lattice constant (A), scales the conventional cell
 * @param species one element symbol per sublattice
 */
public record Crystal(Lattice lattice, double a, String[] species) {

    public Crystal {
        if (!(a > 0) || !Double.isFinite(a)) {
            throw new InputException("lattice constant must be positive, got " + a);
        }
        if (species.length != lattice.sublattices()) {
            throw new InputException("lattice '" + lattice.name() + "' has " + lattice.sublattices()
                    + " sublattice(s) but " + species.length + " species were given " + Arrays.toString(species)
                    + (lattice.sublattices() == 2 ? " (give two, e.g. Ni,Al)" : ""));
        }
        for (String s : species) {
            Element.of(s);  // throws InputException naming an unknown element
        }
        species = species.clone();
    }

    /**
     * A crystal by lattice name and a comma-separated species list; a single species fills every
     * sublattice (diamond Si).
     */
    public static Crystal of(String lattice, double a, String species) {
        Lattice l = Lattice.named(lattice);
        String[] sp = Arrays.stream(species.split(",")).map(String::trim).toArray(String[]::new);
        if (sp.length == 1 && l.sublattices() > 1 && !l.name().equals("b2")) {
            String[] all = new String[l.sublattices()];
            Arrays.fill(all, sp[0]);
            sp = all;
        }
        return new Crystal(l, a, sp);
    }

    public Crystal withA(double newA) {
        return new Crystal(lattice, newA, species);
    }

    @Override
    public String[] species() {
        return species.clone();
    }

    public Element element(int sublattice) {
        return Element.of(species[sublattice]);
    }

    public List<String> distinctSpecies() {
        return Arrays.stream(species).distinct().toList();
    }

    /** The conventional cell (cubic for the named lattices), with its sites as the "lattice" array. */
    public Structure conventionalCell() {
        int n = lattice.sites();
        double[] x = new double[3 * n];
        Element[] el = new Element[n];
        for (int k = 0; k < n; k++) {
            double[] r = lattice.cartesian(lattice.basisAt(k, 0), lattice.basisAt(k, 1), lattice.basisAt(k, 2));
            for (int d = 0; d < 3; d++) {
                x[3 * k + d] = a * r[d];
            }
            el[k] = element(lattice.sublatticeOf(k));
        }
        double[] c = lattice.cell();
        for (int k = 0; k < 9; k++) {
            c[k] *= a;
        }
        Structure s = new Structure(x, el, Cell.periodic(c));
        return s.withArray(Supercell.LATTICE_ARRAY, x);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Crystal c && lattice.equals(c.lattice) && a == c.a && Arrays.equals(species, c.species);
    }

    @Override
    public int hashCode() {
        return lattice.hashCode() * 31 + Double.hashCode(a);
    }

    @Override
    public String toString() {
        return lattice.name() + " " + String.join(",", species) + " a=" + a;
    }
}
