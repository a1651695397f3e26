package org.burgers.core.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.burgers.core.InputException;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;

/**
 * Extended XYZ as ASE reads and writes it: a count line, a comment line of {@code key=value} pairs
 * ({@code Lattice="..."}, {@code Properties=species:S:1:pos:R:3[:name:T:n...]}, {@code pbc="T T T"},
 * {@code energy=...}, quoted number lists such as {@code virial} and {@code stress}), then one line per
 * atom. Several frames may follow each other. A missing Lattice gives a non-periodic box around the atoms
 * (ASE: no cell); real-valued columns become structure arrays, other columns are dropped.
 */
public final class ExtXyz {
    private ExtXyz() {
    }

    public static List<Frame> read(Path path) {
        try (InputStream raw = Files.newInputStream(path)) {
            InputStream in = path.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), path.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException("no such file: " + path, e);
        } catch (IOException e) {
            throw new InputException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** The first frame of a file. */
    public static Frame readFirst(Path path) {
        List<Frame> frames = read(path);
        if (frames.isEmpty()) {
            throw new InputException(path + ": no frames");
        }
        return frames.get(0);
    }

    public static List<Frame> read(BufferedReader r, String name) throws IOException {
        List<Frame> frames = new ArrayList<>();
        int lineNo = 0;
        String line;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            int n;
            try {
                n = Integer.parseInt(line.trim().split("\\s+")[0]);
            } catch (NumberFormatException e) {
                throw new InputException(name + ":" + lineNo + ": expected the number of atoms, found '" + line + "'");
            }
            if (n < 0) {
                throw new InputException(name + ":" + lineNo + ": negative number of atoms " + n);
            }
            String comment = r.readLine();
            lineNo++;
            if (comment == null) {
                throw new InputException(name + ":" + lineNo + ": file ends before the comment line");
            }
            Map<String, Object> info = parseComment(comment, name, lineNo);
            List<Column> columns = parseProperties((String) info.remove("Properties"), name, lineNo);
            double[] lattice = (double[]) info.remove("Lattice");
            Object pbcObj = info.remove("pbc");
            double[] pos = new double[3 * n];
            Element[] elements = new Element[n];
            Map<String, double[]> arrays = new LinkedHashMap<>();
            for (Column c : columns) {
                if (c.type == 'R' && !c.name.equals("pos")) {
                    arrays.put(c.name, new double[c.width * n]);
                }
            }
            for (int i = 0; i < n; i++) {
                String atomLine = r.readLine();
                lineNo++;
                if (atomLine == null) {
                    throw new InputException(name + ":" + lineNo + ": file ends after " + i + " of " + n + " atoms");
                }
                String[] tok = atomLine.trim().split("\\s+");
                int expected = columns.stream().mapToInt(c -> c.width).sum();
                if (tok.length < expected) {
                    throw new InputException(name + ":" + lineNo + ": atom " + i + " has " + tok.length
                            + " columns, Properties needs " + expected);
                }
                int t = 0;
                for (Column c : columns) {
                    for (int k = 0; k < c.width; k++, t++) {
                        String v = tok[t];
                        if (c.name.equals("species")) {
                            if (!Element.isKnown(v)) {
                                throw new InputException(name + ":" + lineNo + ": atom " + i + ": unknown element '" + v + "'");
                            }
                            elements[i] = Element.of(v);
                        } else if (c.name.equals("pos")) {
                            pos[3 * i + k] = number(v, name, lineNo, "pos of atom " + i);
                        } else if (c.type == 'R') {
                            arrays.get(c.name)[c.width * i + k] = number(v, name, lineNo, c.name + " of atom " + i);
                        }
                    }
                }
            }
            boolean[] pbc = new boolean[] {lattice != null, lattice != null, lattice != null};
            if (pbcObj instanceof boolean[] b && b.length == 3) {
                pbc = b;
            } else if (pbcObj instanceof Boolean b) {
                pbc = new boolean[] {b, b, b};
            }
            Cell cell;
            try {
                cell = lattice != null ? new Cell(lattice, pbc) : boundingCell(pos);
                Structure s = new Structure(pos, elements, cell, arrays);
                frames.add(new Frame(s, info));
            } catch (InputException e) {
                throw new InputException(name + ": frame ending at line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        return frames;
    }

    private static double number(String v, String name, int lineNo, String what) {
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new InputException(name + ":" + lineNo + ": " + what + " is " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InputException(name + ":" + lineNo + ": " + what + ": '" + v + "' is not a number");
        }
    }

    /** A non-periodic box 10 A larger than the atoms' extent, for files without a Lattice (molecules). */
    private static Cell boundingCell(double[] pos) {
        double[] ext = new double[3];
        for (int k = 0; k < 3; k++) {
            double mn = 0, mx = 0;
            for (int i = k; i < pos.length; i += 3) {
                mn = Math.min(mn, pos[i]);
                mx = Math.max(mx, pos[i]);
            }
            ext[k] = mx - mn + 10.0;
        }
        return new Cell(new double[] {ext[0], 0, 0, 0, ext[1], 0, 0, 0, ext[2]}, new boolean[3]);
    }

    private record Column(String name, char type, int width) {
    }

    private static List<Column> parseProperties(String spec, String name, int lineNo) {
        if (spec == null) {
            spec = "species:S:1:pos:R:3";
        }
        String[] p = spec.split(":");
        if (p.length % 3 != 0) {
            throw new InputException(name + ":" + lineNo + ": Properties '" + spec + "' is not name:type:count triples");
        }
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < p.length; i += 3) {
            String n = p[i];
            if (p[i + 1].length() != 1 || "SRIL".indexOf(p[i + 1].charAt(0)) < 0) {
                throw new InputException(name + ":" + lineNo + ": property '" + n + "' has unknown type '" + p[i + 1] + "'");
            }
            int w;
            try {
                w = Integer.parseInt(p[i + 2]);
            } catch (NumberFormatException e) {
                throw new InputException(name + ":" + lineNo + ": property '" + n + "' has count '" + p[i + 2] + "'");
            }
            // ASE's synonyms
            if (n.equals("positions")) {
                n = "pos";
            } else if (n.equals("symbols") || n.equals("element")) {
                n = "species";
            } else if (n.equals("force")) {
                n = "forces";
            }
            cols.add(new Column(n, p[i + 1].charAt(0), w));
        }
        if (cols.stream().noneMatch(c -> c.name.equals("species")) || cols.stream().noneMatch(c -> c.name.equals("pos") && c.width == 3)) {
            throw new InputException(name + ":" + lineNo + ": Properties must contain species:S:1 and pos:R:3, got '" + spec + "'");
        }
        return cols;
    }

    /** Parses key=value pairs as ASE's key_val_str_to_dict does for the common types. */
    static Map<String, Object> parseComment(String line, String name, int lineNo) {
        Map<String, Object> info = new LinkedHashMap<>();
        int i = 0, n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int ks = i;
            while (i < n && line.charAt(i) != '=' && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            String key = line.substring(ks, i);
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n || line.charAt(i) != '=') {
                info.put(key, Boolean.TRUE);   // a bare key means True, as in ASE
                continue;
            }
            i++;
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            String value;
            boolean quoted = false;
            if (i < n && (line.charAt(i) == '"' || line.charAt(i) == '{' || line.charAt(i) == '[')) {
                char open = line.charAt(i);
                char close = open == '"' ? '"' : open == '{' ? '}' : ']';
                int e = line.indexOf(close, i + 1);
                if (e < 0) {
                    throw new InputException(name + ":" + lineNo + ": unterminated " + open + " in value of '" + key + "'");
                }
                value = line.substring(i + 1, e);
                i = e + 1;
                quoted = true;
            } else {
                int vs = i;
                while (i < n && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                value = line.substring(vs, i);
            }
            info.put(key, convert(key, value, quoted, name, lineNo));
        }
        return info;
    }

    private static Object convert(String key, String value, boolean quoted, String name, int lineNo) {
        // quoted or not, a single token is typed as ASE types it (bool, int, float, else string)
        if (key.equals("Properties")) {
            return value;
        }
        String[] tok = value.trim().isEmpty() ? new String[0] : value.trim().split("[\\s,]+");
        if (key.equals("Lattice")) {
            if (tok.length != 9) {
                throw new InputException(name + ":" + lineNo + ": Lattice needs 9 numbers, got " + tok.length);
            }
        }
        if (tok.length > 1 || key.equals("Lattice")) {
            boolean allBool = true;
            for (String t : tok) {
                allBool &= isBool(t);
            }
            if (allBool) {
                boolean[] b = new boolean[tok.length];
                for (int k = 0; k < tok.length; k++) {
                    b[k] = toBool(tok[k]);
                }
                return b;
            }
            double[] d = new double[tok.length];
            for (int k = 0; k < tok.length; k++) {
                try {
                    d[k] = Double.parseDouble(tok[k]);
                } catch (NumberFormatException e) {
                    if (key.equals("Lattice")) {
                        throw new InputException(name + ":" + lineNo + ": Lattice entry '" + tok[k] + "' is not a number");
                    }
                    return value;   // a quoted string with spaces
                }
            }
            return d;
        }
        if (tok.length == 1) {
            String t = tok[0];
            if (isBool(t)) {
                return toBool(t);
            }
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                // not an integer
            }
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                // not a number
            }
        }
        return value;
    }

    private static boolean isBool(String t) {
        return t.equals("T") || t.equals("F") || t.equals("True") || t.equals("False")
                || t.equals("true") || t.equals("false");
    }

    private static boolean toBool(String t) {
        return t.startsWith("T") || t.startsWith("t");
    }

    /** Writes the frames atomically (a temporary file renamed into place). */
    public static void write(Path path, List<Frame> frames) {
        try {
            Path dir = path.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (Frame f : frames) {
                    write(w, f);
                }
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InputException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    public static void write(Path path, Frame frame) {
        write(path, List.of(frame));
    }

    public static void write(Writer w, Frame f) throws IOException {
        Structure s = f.structure();
        int n = s.size();
        StringBuilder sb = new StringBuilder();
        sb.append(n).append('\n');
        double[] m = s.cell().matrix();
        sb.append("Lattice=\"");
        for (int k = 0; k < 9; k++) {
            sb.append(k == 0 ? "" : " ").append(fmt(m[k]));
        }
        sb.append("\" Properties=species:S:1:pos:R:3");
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, double[]> e : s.arrays().entrySet()) {
            int width = n == 0 ? 1 : e.getValue().length / n;
            sb.append(':').append(e.getKey()).append(":R:").append(width);
            names.add(e.getKey());
        }
        for (Map.Entry<String, Object> e : f.info().entrySet()) {
            sb.append(' ').append(e.getKey()).append('=').append(formatValue(e.getValue()));
        }
        boolean[] pbc = s.cell().pbc();
        sb.append(" pbc=\"").append(pbc[0] ? 'T' : 'F').append(' ').append(pbc[1] ? 'T' : 'F').append(' ')
                .append(pbc[2] ? 'T' : 'F').append("\"\n");
        w.write(sb.toString());
        double[] x = s.positionsView();
        for (int i = 0; i < n; i++) {
            sb.setLength(0);
            sb.append(String.format(Locale.ROOT, "%-2s", s.element(i).symbol()));
            for (int k = 0; k < 3; k++) {
                sb.append(' ').append(fmt(x[3 * i + k]));
            }
            for (String name : names) {
                double[] v = s.arrays().get(name);
                int width = v.length / n;
                for (int k = 0; k < width; k++) {
                    sb.append(' ').append(fmt(v[width * i + k]));
                }
            }
            sb.append('\n');
            w.write(sb.toString());
        }
    }

    private static String formatValue(Object v) {
        if (v instanceof double[] d) {
            StringBuilder sb = new StringBuilder("\"");
            for (int k = 0; k < d.length; k++) {
                sb.append(k == 0 ? "" : " ").append(fmt(d[k]));
            }
            return sb.append('"').toString();
        }
        if (v instanceof boolean[] b) {
            StringBuilder sb = new StringBuilder("\"");
            for (int k = 0; k < b.length; k++) {
                sb.append(k == 0 ? "" : " ").append(b[k] ? 'T' : 'F');
            }
            return sb.append('"').toString();
        }
        if (v instanceof Boolean b) {
            return b ? "T" : "F";
        }
        if (v instanceof Double d) {
            return fmt(d);
        }
        if (v instanceof Number) {
            return v.toString();
        }
        String t = v.toString();
        return t.matches("[^\\s\"=]+") ? t : "\"" + t.replace("\"", "'") + "\"";
    }

    /** Shortest representation that reads back to the same double. */
    private static String fmt(double d) {
        return Double.toString(d).replace("E", "e");
    }
}
