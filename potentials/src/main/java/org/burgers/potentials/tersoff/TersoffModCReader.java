package org.burgers.potentials.tersoff;

import org.burgers.potentials.EntryReader;
import org.burgers.potentials.ParameterReader;

/** Reads a LAMMPS {@code tersoff/mod/c} parameter file: 3 element names and 18 numbers per entry. */
public final class TersoffModCReader {
    private static final String[] NAMES = {"beta(m)", "alpha", "h", "eta", "beta_ters", "lam2", "B", "R", "D", "lam1",
        "A", "n", "c1", "c2", "c3", "c4", "c5", "c0"};

    private TersoffModCReader() {
    }

    public static TersoffModC read(ParameterReader in) {
        EntryReader.Triplets<TersoffModCParameters> t = EntryReader.readTriplets(in, NAMES,
                TersoffModCParameters[]::new, (e, v) -> parameters(in, e, v));
        return new TersoffModC(in.name(), t.elements(), t.table());
    }

    /** The checks of PairTersoffMOD::read_file, naming the parameter and its line. */
    private static TersoffModCParameters parameters(ParameterReader in, EntryReader.Entry e, double[] v) {
        String[] w = e.words();
        int m = (int) v[0];
        if (m != v[0] || (m != 1 && m != 3)) {
            throw in.error("parameter beta(m) of " + w[0] + w[1] + w[2] + " must be 1 or 3, is " + v[0], e.lineOf(3));
        }
        int[] nonNegative = {3, 4, 5, 6, 7, 8, 9, 10};
        for (int k : nonNegative) {
            if (v[k] < 0) {
                throw in.error("parameter " + NAMES[k] + " of " + w[0] + w[1] + w[2] + " must not be negative", e.lineOf(3 + k));
            }
        }
        if (v[8] > v[7]) {
            throw in.error("parameter D of " + w[0] + w[1] + w[2] + " exceeds R", e.lineOf(11));
        }
        if (!(v[11] > 0)) {
            throw in.error("parameter n of " + w[0] + w[1] + w[2] + " must be positive", e.lineOf(14));
        }
        return new TersoffModCParameters(m, v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
                v[11], v[12], v[13], v[14], v[15], v[16], v[17]);
    }
}
