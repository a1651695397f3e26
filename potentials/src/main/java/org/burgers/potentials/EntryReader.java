package org.burgers.potentials;

import java.util.ArrayList;
import java.util.List;

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
}
