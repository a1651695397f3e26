package org.burgers.simulation.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.burgers.core.InputException;
import org.burgers.core.io.Frame;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;

/**
 * Rattled, labelled training and test sets (paper section 4.1.2): copies of a (relaxed) structure with
 * random displacements of amplitude alpha ({@link Distribution}: by default independent Gaussian noise of
 * standard deviation alpha on every Cartesian coordinate, as ASE's {@code rattle(stdev=alpha)}), each labelled
 * with the energy, forces and virial of a reference potential (written as {@code virial} and also as
 * {@code stress} = -virial / V, which is the key ASE turns into {@code atoms.get_stress()}).
 *
 * <p>Deterministic: sample k draws its noise from its own generator seeded by SplitMix64(seed, k)
 * (Steele, Lea and Flood, OOPSLA 2014), so the first samples of a set do not depend on how many are drawn
 * and the same seed gives the same numbers bit for bit.
 */
public final class RattledSet {
    private RattledSet() {
    }

    /** How "perturb the atom positions by alpha" is read. */
    public enum Distribution {
        /** Gaussian of standard deviation alpha per Cartesian component (ASE {@code rattle(stdev=alpha)}). */
        GAUSSIAN,
        /**
         * Uniform in [-alpha/sqrt(3), alpha/sqrt(3)] per component, so no atom moves by more than alpha
         * (JuLIP's {@code rattle!(at, alpha)}, the tool of ACEpotentials.jl, which the paper used):
         * standard deviation alpha/3 per component, a third of the Gaussian reading's, and no tails.
         */
        JULIP;

        /** "gaussian" or "julip" (case-insensitive); null gives GAUSSIAN. */
        public static Distribution parse(String text) {
            return org.burgers.core.Choices.parse(Distribution.class, text, GAUSSIAN, "rattle distribution");
        }
    }

    /** The rattled copy number {@code index} of s (Gaussian). */
    public static Structure rattle(Structure s, double alpha, long seed, int index) {
        return rattle(s, alpha, seed, index, Distribution.GAUSSIAN);
    }

    /** The rattled copy number {@code index} of s with displacements drawn from {@code d}. */
    public static Structure rattle(Structure s, double alpha, long seed, int index, Distribution d) {
        checkAlpha(alpha);
        Random r = new Random(mix(seed, index));
        double[] x = s.positions();
        double half = alpha / Math.sqrt(3);
        for (int k = 0; k < x.length; k++) {
            x[k] += d == Distribution.GAUSSIAN ? alpha * r.nextGaussian() : half * (2 * r.nextDouble() - 1);
        }
        return s.withPositions(x);
    }

    /**
     * {@code count} rattled copies labelled with {@code energy}, {@code forces} and {@code virial}, and
     * {@code config_type} set to {@code configType} (if not null) for the fitting code's error tables.
     */
    public static List<Frame> generate(Structure s, Potential p, int count, double alpha, long seed,
                                       String configType) {
        if (count < 1) {
            throw new InputException("--count must be >= 1, got " + count);
        }
        checkAlpha(alpha);
        p.checkSpecies(s);
        List<Frame> frames = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            Structure t = rattle(s, alpha, seed, k);
            Evaluation e = p.evaluate(t, Request.FORCES);
            // ASE 3.22 reads "stress" into its calculator but keeps "virial" only as info: write both
            double[] stress = e.stress(t.cell().volume());
            Frame f = Frame.labelled(t, e.energy(), e.forces(), e.virial()).withInfo("stress", stress);
            if (configType != null) {
                f = f.withInfo("config_type", configType);
            }
            frames.add(f);
        }
        return frames;
    }

    private static void checkAlpha(double alpha) {
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new InputException("--alpha (rattle amplitude, A) must be >= 0, got " + alpha);
        }
    }

    /** SplitMix64 finaliser of seed + (index + 1) * golden gamma: well-mixed, independent per index. */
    static long mix(long seed, int index) {
        long z = seed + (index + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
