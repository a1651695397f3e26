package org.burgers.ace.basis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.burgers.core.InputException;
import org.burgers.core.structure.Element;

/**
 * Specification of an ACE basis with the conventions of ACEpotentials.jl 0.6 (Witt et al., J. Chem. Phys. 159,
 * 164101 (2023)): species (centre and neighbour), correlation order, total degree D with the selection
 * {@code sum_t (n_t + wL l_t) <= D} (n from 1), cutoff, the Agnesi scale r0, and a pair basis of degree
 * {@code pairDegree} with its own cutoff. When the pair basis is present the order-1 many-body functions are
 * dropped (they would duplicate it). Serialised as JSON in model files.
 */
public record AceSpec(List<String> species, int order, double degree, double rcut, double r0, double wL,
                      boolean pair, double pairDegree, double pairRcut) {

    public static final double DEFAULT_WL = 1.5;

    /** Nearest-neighbour distances (A) of the elements' ground-state crystals, the default r0 (rnn in ACE1). */
    private static final Map<String, Double> RNN = Map.ofEntries(
            Map.entry("W", 2.7411), Map.entry("Mo", 2.7251), Map.entry("Fe", 2.4824), Map.entry("Ta", 2.8598),
            Map.entry("Nb", 2.8579), Map.entry("V", 2.6224), Map.entry("Cr", 2.4980), Map.entry("Ni", 2.4918),
            Map.entry("Al", 2.8638), Map.entry("Cu", 2.5562), Map.entry("Ag", 2.8894), Map.entry("Au", 2.8838),
            Map.entry("Pt", 2.7746), Map.entry("Pd", 2.7509), Map.entry("Si", 2.3517), Map.entry("Ge", 2.4498),
            Map.entry("C", 1.5445), Map.entry("Ti", 2.8956), Map.entry("Zr", 3.1790), Map.entry("Mg", 3.1971));

    public AceSpec {
        species = List.copyOf(species);
        validate(species, order, degree, rcut, r0, wL, pair, pairDegree, pairRcut);
    }

    /** Defaults of ACEpotentials.jl: wL = 1.5, pair basis of the same degree and cutoff; r0 NaN = rnn. */
    public static AceSpec of(List<String> species, int order, double degree, double rcut, double r0) {
        double r = Double.isNaN(r0) ? defaultR0(species) : r0;
        return new AceSpec(species, order, degree, rcut, r, DEFAULT_WL, true, degree, rcut);
    }

    /** Mean nearest-neighbour distance of the species, as ACE1 picks r0. */
    public static double defaultR0(List<String> species) {
        if (species.isEmpty()) {
            throw new InputException("ACE basis: species list is empty");
        }
        double sum = 0;
        for (String s : species) {
            if (!Element.isKnown(s)) {
                throw new InputException("ACE basis: unknown species '" + s + "'");
            }
            Double v = RNN.get(s);
            if (v == null) {
                throw new InputException("no default r0 for species " + s + "; give --r0 (a typical bond length, A)");
            }
            sum += v;
        }
        return sum / species.size();
    }

    private static void validate(List<String> species, int order, double degree, double rcut, double r0, double wL,
                                 boolean pair, double pairDegree, double pairRcut) {
        if (species.isEmpty()) {
            throw new InputException("ACE basis: species list is empty");
        }
        List<String> seen = new ArrayList<>();
        for (String s : species) {
            if (!Element.isKnown(s)) {
                throw new InputException("ACE basis: unknown species '" + s + "'");
            }
            if (seen.contains(s)) {
                throw new InputException("ACE basis: species '" + s + "' listed twice");
            }
            seen.add(s);
        }
        if (order < 1 || order > 6) {
            throw new InputException("ACE basis: order must be between 1 and 6, got " + order);
        }
        if (!(degree >= 1) || degree > 40) {
            throw new InputException("ACE basis: degree must be between 1 and 40, got " + degree);
        }
        if (!(rcut > 0) || !Double.isFinite(rcut)) {
            throw new InputException("ACE basis: rcut must be positive, got " + rcut);
        }
        if (!(r0 > 0) || !(r0 < rcut)) {
            throw new InputException("ACE basis: r0 must lie in (0, rcut), got " + r0);
        }
        if (!(wL > 0) || !Double.isFinite(wL)) {
            throw new InputException("ACE basis: wL must be positive, got " + wL);
        }
        if (pair && (!(pairDegree >= 1) || !(pairRcut > 0) || !(r0 < pairRcut))) {
            throw new InputException("ACE basis: pair basis needs pairDegree >= 1 and pairRcut > r0, got "
                    + pairDegree + ", " + pairRcut);
        }
        if (!pair && order < 1) {
            throw new InputException("ACE basis: empty basis");
        }
    }

    /** Largest cutoff of the many-body and pair parts. */
    public double cutoff() {
        return pair ? Math.max(rcut, pairRcut) : rcut;
    }
}
