package org.burgers.potentials.sw;

import org.burgers.potentials.EntryReader;
import org.burgers.potentials.ParameterReader;

/** Reads a LAMMPS {@code sw} parameter file: 3 element names and 11 numbers per entry. */
public final class SwReader {
    private static final String[] NAMES = {"epsilon", "sigma", "a", "lambda", "gamma", "costheta0", "A", "B", "p", "q",
        "tol"};

    private SwReader() {
    }

    public static StillingerWeber read(ParameterReader in) {
        EntryReader.Triplets<SwParameters> t = EntryReader.readTriplets(in, NAMES, SwParameters[]::new,
                (e, v) -> parameters(in, e, v));
        return new StillingerWeber(in.name(), t.elements(), t.table(), true);
    }

    /** The checks of PairSW::read_file, naming the parameter and its line. */
    private static SwParameters parameters(ParameterReader in, EntryReader.Entry e, double[] v) {
        String[] w = e.words();
        for (int k = 0; k < v.length; k++) {
            if (k != 5 && v[k] < 0) {
                throw in.error("parameter " + NAMES[k] + " of " + w[0] + w[1] + w[2] + " must not be negative",
                        e.lineOf(3 + k));
            }
        }
        if (!(v[1] > 0) || !(v[2] > 0)) {
            throw in.error("parameters sigma and a of " + w[0] + w[1] + w[2] + " must be positive", e.lineOf(4));
        }
        return new SwParameters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }
}
