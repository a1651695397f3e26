package org.burgers.core.structure;

import java.util.HashMap;
import java.util.Map;
import org.burgers.core.InputException;

/**
 * Chemical elements: symbol, atomic number and standard atomic mass (amu, IUPAC 2013 conventional values,
 * the masses ASE uses). Covers H to Bi, which is every element of the shipped potentials and then some.
 */
public record Element(String symbol, int atomicNumber, double mass) {

    private static final String[] SYMBOLS = {
        "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar",
        "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr",
        "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe",
        "Cs", "Ba", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu",
        "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi"};
    private static final double[] MASSES = {
        1.008, 4.002602, 6.94, 9.0121831, 10.81, 12.011, 14.007, 15.999, 18.998403163, 20.1797, 22.98976928,
        24.305, 26.9815385, 28.085, 30.973761998, 32.06, 35.45, 39.948, 39.0983, 40.078, 44.955908, 47.867,
        50.9415, 51.9961, 54.938044, 55.845, 58.933194, 58.6934, 63.546, 65.38, 69.723, 72.630, 74.921595,
        78.971, 79.904, 83.798, 85.4678, 87.62, 88.90584, 91.224, 92.90637, 95.95, 97.90721, 101.07, 102.90550,
        106.42, 107.8682, 112.414, 114.818, 118.710, 121.760, 127.60, 126.90447, 131.293, 132.90545196,
        137.327, 138.90547, 140.116, 140.90766, 144.242, 144.91276, 150.36, 151.964, 157.25, 158.92535,
        162.500, 164.93033, 167.259, 168.93422, 173.054, 174.9668, 178.49, 180.94788, 183.84, 186.207, 190.23,
        192.217, 195.084, 196.966569, 200.592, 204.38, 207.2, 208.98040};
    private static final Map<String, Element> BY_SYMBOL = new HashMap<>();

    static {
        for (int i = 0; i < SYMBOLS.length; i++) {
            BY_SYMBOL.put(SYMBOLS[i], new Element(SYMBOLS[i], i + 1, MASSES[i]));
        }
    }

    /** The element with this symbol (case-sensitive, as in ASE); an {@link InputException} if unknown. */
    public static Element of(String symbol) {
        Element e = BY_SYMBOL.get(symbol);
        if (e == null) {
            throw new InputException("unknown element '" + symbol + "'");
        }
        return e;
    }

    /** The element with this atomic number. */
    public static Element of(int atomicNumber) {
        if (atomicNumber < 1 || atomicNumber > SYMBOLS.length) {
            throw new InputException("unknown atomic number " + atomicNumber);
        }
        return BY_SYMBOL.get(SYMBOLS[atomicNumber - 1]);
    }

    public static boolean isKnown(String symbol) {
        return BY_SYMBOL.containsKey(symbol);
    }
}
