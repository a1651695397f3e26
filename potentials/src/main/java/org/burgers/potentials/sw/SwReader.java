package org.burgers.potentials.sw;

import java.util.List;
import org.burgers.potentials.EntryReader;
import org.burgers.potentials.ParameterReader;

/** Reads a LAMMPS {@code sw} parameter file: 3 element names and 11 numbers per entry. */
public final class SwReader {
    private static final String[] NAMES = {"epsilon", "sigma", "a", "lambda", "gamma", "costheta0", "A", "B", "p", "q",
        "tol"};

    private SwReader() {
    }

    public static StillingerWeber read(ParameterReader in) {
        List<EntryReader.Entry> entries = EntryReader.read(in, 3 + NAMES.length);
        List<String> elements = EntryReader.tripletElements(in, entries);
        int ne = elements.size();
        SwParameters[] table = new SwParameters[ne * ne * ne];
        for (EntryReader.Entry e : entries) {
            String[] w = e.words();
            double[] v = EntryReader.tripletNumbers(in, e, NAMES);
            // the checks of PairSW::read_file
            for (int k = 0; k < v.length; k++) {
                if (k != 5 && v[k] < 0) {
                    throw in.error("parameter " + NAMES[k] + " of " + w[0] + w[1] + w[2] + " must not be negative",
                            e.lineOf(3 + k));
                }
            }
            if (!(v[1] > 0) || !(v[2] > 0)) {
                throw in.error("parameters sigma and a of " + w[0] + w[1] + w[2] + " must be positive", e.lineOf(4));
            }
            int idx = (elements.indexOf(w[0]) * ne + elements.indexOf(w[1])) * ne + elements.indexOf(w[2]);
            if (table[idx] != null) {
                throw in.error("duplicate entry " + w[0] + " " + w[1] + " " + w[2], e.line());
            }
            table[idx] = new SwParameters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
        }
        for (int a = 0; a < ne; a++) {
            for (int b = 0; b < ne; b++) {
                for (int c = 0; c < ne; c++) {
                    if (table[(a * ne + b) * ne + c] == null) {
                        throw in.error("no entry for the element triplet " + elements.get(a) + " " + elements.get(b)
                                + " " + elements.get(c), in.lineCount());
                    }
                }
            }
        }
        return new StillingerWeber(in.name(), elements, table, true);
    }
}
