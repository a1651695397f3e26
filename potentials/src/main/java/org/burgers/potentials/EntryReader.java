package org.burgers.potentials;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The entries of a LAMMPS many-body parameter file (tersoff, sw, ...): '#' starts a comment, and an entry is
 * a fixed number of words that may continue over several lines. Each entry remembers the line it starts on.
 */
public final class EntryReader {
    /** One entry: its words, the (1-based) line of each word, and the line it starts on. */
    public record Entry(String[] words, int[] lines, int line) {
        /** The line of word k. */
        public int lineOf(int k) {
            return lines[k];
        }
    }

    private EntryReader() {
    }

    public static List<Entry> read(ParameterReader in, int words) {
        List<Entry> out = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        int start = 0;
        for (int n = 1; n <= in.lineCount(); n++) {
            String s = in.raw(n);
            int hash = s.indexOf('#');
            if (hash >= 0) {
                s = s.substring(0, hash);
            }
            s = s.trim();
            if (s.isEmpty()) {
                continue;
            }
            if (cur.isEmpty()) {
                start = n;
            }
            for (String t : s.split("\\s+")) {
                cur.add(t);
                at.add(n);
            }
            if (cur.size() > words) {
                throw in.error("entry starting on line " + start + " has " + cur.size() + " words, expected "
                        + words, n);
            }
            if (cur.size() == words) {
                out.add(new Entry(cur.toArray(new String[0]), at.stream().mapToInt(Integer::intValue).toArray(), start));
                cur.clear();
                at.clear();
            }
        }
        if (!cur.isEmpty()) {
            throw in.error("file is truncated: the entry starting on line " + start + " has " + cur.size()
                    + " of " + words + " words", in.lineCount());
        }
        return out;
    }

    /**
     * The elements named in the first three words of the entries (element triplets of tersoff and sw files),
     * in order of first appearance; an error names the line of an unknown element or an empty file.
     */
    public static List<String> tripletElements(ParameterReader in, List<Entry> entries) {
        if (entries.isEmpty()) {
            throw in.error("no parameter entries", 1);
        }
        java.util.Set<String> el = new java.util.LinkedHashSet<>();
        for (Entry e : entries) {
            for (int k = 0; k < 3; k++) {
                if (!org.burgers.core.structure.Element.isKnown(e.words()[k])) {
                    throw in.error("unknown element '" + e.words()[k] + "'", e.line());
                }
                el.add(e.words()[k]);
            }
        }
        return new ArrayList<>(el);
    }

    /** The numbers after the three element words of a triplet entry, named for the error messages. */
    public static double[] tripletNumbers(ParameterReader in, Entry e, String[] names) {
        String[] w = e.words();
        double[] v = new double[names.length];
        for (int k = 0; k < v.length; k++) {
            try {
                v[k] = Double.parseDouble(w[3 + k]);
            } catch (NumberFormatException x) {
                throw in.error("parameter " + names[k] + " of " + w[0] + w[1] + w[2] + " is not a number: '"
                        + w[3 + k] + "'", e.lineOf(3 + k));
            }
            if (!Double.isFinite(v[k])) {
                throw in.error("parameter " + names[k] + " of " + w[0] + w[1] + w[2] + " is not finite", e.lineOf(3 + k));
            }
        }
        return v;
    }

    /** The elements of a triplet file (order of first appearance) and its parameters per [(i ne + j) ne + k]. */
    public record Triplets<T>(List<String> elements, T[] table) {
    }

    /** Checks the numbers of one triplet entry (errors naming the parameter and line) and builds its parameters. */
    @FunctionalInterface
    public interface TripletParameters<T> {
        T of(Entry entry, double[] numbers);
    }

    /**
     * Reads a triplet file (tersoff, sw): entries of 3 element words and the named numbers, one entry per
     * ordered element triplet; a duplicate or a missing triplet is an error naming its line.
     */
    public static <T> Triplets<T> readTriplets(ParameterReader in, String[] names, IntFunction<T[]> array,
                                               TripletParameters<T> parameters) {
        List<Entry> entries = read(in, 3 + names.length);
        List<String> elements = tripletElements(in, entries);
        int ne = elements.size();
        T[] table = array.apply(ne * ne * ne);
        for (Entry e : entries) {
            String[] w = e.words();
            T p = parameters.of(e, tripletNumbers(in, e, names));
            int idx = (elements.indexOf(w[0]) * ne + elements.indexOf(w[1])) * ne + elements.indexOf(w[2]);
            if (table[idx] != null) {
                throw in.error("duplicate entry " + w[0] + " " + w[1] + " " + w[2], e.line());
            }
            table[idx] = p;
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
        return new Triplets<>(elements, table);
    }
}
