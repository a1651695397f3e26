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
 * independent Gaussian noise of standard deviation alpha on every Cartesian coordinate, each labelled
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

    /** The rattled copy number {@code index} of s. */
    public static Structure rattle(Structure s, double alpha, long seed, int index) {
        checkAlpha(alpha);
        Random r = new Random(mix(seed, index));
        double[] x = s.positions();
        for (int k = 0; k < x.length; k++) {
            x[k] += alpha * r.nextGaussian();
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
