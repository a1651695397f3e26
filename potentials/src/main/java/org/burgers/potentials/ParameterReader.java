package org.burgers.potentials;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.burgers.core.InputException;

/**
 * Reads the text of a potential file (plain or gzipped) as lines of whitespace-separated tokens, and hands
 * them out the way LAMMPS' reader does: whole lines, or a run of numbers that may span any number of lines.
 * Every error names the file and the line (1-based), so a malformed or truncated file is found at once.
 */
public final class ParameterReader {
    private final String name;
    private final List<String> lines;
    private int line;        // index of the current line
    private String[] tokens; // tokens of the current line not yet consumed
    private int next;

    private ParameterReader(String name, List<String> lines) {
        this.name = name;
        this.lines = lines;
    }

    /** Reads a file; a name ending in .gz is gunzipped. */
    public static ParameterReader open(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return of(path.toString(), path.toString().endsWith(".gz") ? new GZIPInputStream(in) : in);
        } catch (NoSuchFileException e) {
            throw new InputException("potential file " + path + " does not exist");
        } catch (IOException e) {
            throw new InputException("cannot read potential file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads a stream to its end (the caller closes it). */
    public static ParameterReader of(String name, InputStream in) {
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            List<String> lines = new ArrayList<>();
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                lines.add(s);
            }
            return new ParameterReader(name, lines);
        } catch (IOException e) {
            throw new InputException("cannot read potential file " + name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    /** 1-based number of the line last read from. */
    public int lineNumber() {
        return line;
    }

    public int lineCount() {
        return lines.size();
    }

    /** The raw text of line n (1-based). */
    public String raw(int n) {
        return lines.get(n - 1);
    }

    /** Skips the rest of the current line and returns the tokens of the next one (which may be empty). */
    public String[] nextLine(String what) {
        if (line >= lines.size()) {
            throw error("file ends where " + what + " was expected", lines.size());
        }
        String s = lines.get(line++);
        tokens = s.trim().isEmpty() ? new String[0] : s.trim().split("\\s+");
        next = tokens.length;   // a whole line is consumed at once
        return tokens;
    }

    /**
     * n numbers read as LAMMPS' {@code next_dvector} does: starting on a fresh line, across as many lines as
     * needed (blank lines skipped), and dropping whatever is left on the last line read.
     */
    public double[] numbers(int n, String what) {
        double[] out = new double[n];
        numbers(out, 0, n, what);
        return out;
    }

    /** Fills out[off, off+n) as {@link #numbers(int, String)} does. */
    public void numbers(double[] out, int off, int n, String what) {
        tokens = null;
        for (int k = 0; k < n; k++) {
            String t = token(what + " (value " + (k + 1) + " of " + n + ")");
            out[off + k] = parse(t, what);
        }
        tokens = null;
    }

    /** The next token, possibly from a following line. */
    public String token(String what) {
        while (tokens == null || next >= tokens.length) {
            if (line >= lines.size()) {
                throw error("file is truncated: it ends where " + what + " was expected", lines.size());
            }
            String s = lines.get(line++).trim();
            tokens = s.isEmpty() ? new String[0] : s.split("\\s+");
            next = 0;
        }
        return tokens[next++];
    }

    /** Parses a real number token of the current line; Fortran 'D' exponents are accepted. */
    public double parse(String t, String what) {
        try {
            double v = Double.parseDouble(t.replace('D', 'E').replace('d', 'e'));
            if (!Double.isFinite(v)) {
                throw error(what + " is not finite ('" + t + "')", line);
            }
            return v;
        } catch (NumberFormatException e) {
            throw error("expected a number for " + what + ", found '" + t + "'", line);
        }
    }

    public int parseInt(String t, String what) {
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw error("expected an integer for " + what + ", found '" + t + "'", line);
        }
    }

    /** An error at the current line. */
    public InputException error(String message) {
        return error(message, line);
    }

    public InputException error(String message, int lineNo) {
        return new InputException(name + ":" + Math.max(lineNo, 1) + ": " + message);
    }
}
