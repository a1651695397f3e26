package org.burgers.potentials.tersoff;

import java.util.List;
import org.burgers.potentials.EntryReader;
import org.burgers.potentials.ParameterReader;

/** Reads a LAMMPS {@code tersoff/mod/c} parameter file: 3 element names and 18 numbers per entry. */
public final class TersoffModCReader {
    private static final String[] NAMES = {"beta(m)", "alpha", "h", "eta", "beta_ters", "lam2", "B", "R", "D", "lam1",
        "A", "n", "c1", "c2", "c3", "c4", "c5", "c0"};

    private TersoffModCReader() {
    }

    public static TersoffModC read(ParameterReader in) {
        List<EntryReader.Entry> entries = EntryReader.read(in, 3 + NAMES.length);
        List<String> elements = EntryReader.tripletElements(in, entries);
        int ne = elements.size();
        TersoffModCParameters[] table = new TersoffModCParameters[ne * ne * ne];
        for (EntryReader.Entry e : entries) {
            String[] w = e.words();
            double[] v = EntryReader.tripletNumbers(in, e, NAMES);
            int m = (int) v[0];
            // the checks of PairTersoffMOD::read_file, naming the parameter
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
            int idx = (elements.indexOf(w[0]) * ne + elements.indexOf(w[1])) * ne + elements.indexOf(w[2]);
            if (table[idx] != null) {
                throw in.error("duplicate entry " + w[0] + " " + w[1] + " " + w[2], e.line());
            }
            table[idx] = new TersoffModCParameters(m, v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
                    v[11], v[12], v[13], v[14], v[15], v[16], v[17]);
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
        return new TersoffModC(in.name(), elements, table);
    }
}
