package org.burgers.core.potential;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.burgers.core.InputException;
import org.burgers.core.structure.Structure;

/** The elements of a potential in its own order (e.g. a parameter file's): symbol to index, and atom types. */
public final class ElementIndex {
    private final List<String> elements;
    private final Map<String, Integer> index = new HashMap<>();
    private final Set<String> symbols;

    public ElementIndex(List<String> elements) {
        this.elements = List.copyOf(elements);
        for (int e = 0; e < this.elements.size(); e++) {
            index.put(this.elements.get(e), e);
        }
        this.symbols = Collections.unmodifiableSet(new LinkedHashSet<>(this.elements));
    }

    public List<String> elements() {
        return elements;
    }

    public int count() {
        return elements.size();
    }

    /** The symbols, in the potential's order. */
    public Set<String> symbols() {
        return symbols;
    }

    /** The index of each atom's element; an InputException names the first atom not covered. */
    public int[] types(Structure s) {
        int[] t = new int[s.size()];
        for (int i = 0; i < t.length; i++) {
            Integer e = index.get(s.element(i).symbol());
            if (e == null) {
                throw notCovered(i, s.element(i).symbol(), symbols);
            }
            t[i] = e;
        }
        return t;
    }

    /** The error for atom i of an element outside known. */
    public static InputException notCovered(int i, String symbol, Set<String> known) {
        return new InputException("atom " + i + " is " + symbol + ", which the potential does not cover "
                + "(it knows " + new TreeSet<>(known) + ")");
    }
}
