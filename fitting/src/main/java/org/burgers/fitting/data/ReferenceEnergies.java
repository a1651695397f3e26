package org.burgers.fitting.data;

import java.util.Map;
import java.util.TreeMap;
import org.burgers.core.InputException;
import org.burgers.core.structure.Structure;

/**
 * One-body reference energies E0 per species (eV): the model predicts E - sum_i E0(species_i), and adds it
 * back. Species without an entry have E0 = 0.
 */
public record ReferenceEnergies(Map<String, Double> e0) {

    public ReferenceEnergies {
        e0 = Map.copyOf(e0);
        for (Map.Entry<String, Double> e : e0.entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new InputException("E0 of species " + e.getKey() + " must be a finite number, got " + e.getValue());
            }
        }
    }

    public static ReferenceEnergies none() {
        return new ReferenceEnergies(Map.of());
    }

    public double of(String species) {
        return e0.getOrDefault(species, 0.0);
    }

    /** sum_i E0(species_i) of a structure. */
    public double total(Structure s) {
        double t = 0;
        for (int i = 0; i < s.size(); i++) {
            t += of(s.element(i).symbol());
        }
        return t;
    }

    @Override
    public String toString() {
        return new TreeMap<>(e0).toString();
    }
}
