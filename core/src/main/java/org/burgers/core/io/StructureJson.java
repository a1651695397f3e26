package org.burgers.core.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.burgers.core.InputException;
import org.burgers.core.potential.BlockHessian;
import org.burgers.core.structure.Cell;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;

/**
 * JSON for structures and results (Jackson). A structure is
 * <pre>{"cell": [[ax,ay,az],[bx,by,bz],[cx,cy,cz]], "pbc": [true,true,true], "symbols": ["W", ...],
 *  "positions": [[x,y,z], ...], "arrays": {"forces": [[fx,fy,fz], ...]}}</pre>
 * (A; cell rows are lattice vectors; {@code arrays} holds the per-atom real columns, one row per atom).
 * {@link #mapper()} returns a mapper that knows {@link Structure} and {@link BlockHessian}, so records that
 * hold them (e.g. {@link org.burgers.core.potential.Evaluation}) serialise as they are. A Hessian is
 * {@code {"atoms": n, "blocks": [{"i": i, "j": j, "values": [9 numbers, row-major]}, ...]}}.
 */
public final class StructureJson {
    private StructureJson() {
    }

    /** The Jackson module with the core types; register it in any mapper that meets them. */
    public static SimpleModule module() {
        SimpleModule m = new SimpleModule("burgers-core");
        m.addSerializer(Structure.class, new StructureSerializer());
        m.addDeserializer(Structure.class, new StructureDeserializer());
        m.addSerializer(BlockHessian.class, new HessianSerializer());
        m.addDeserializer(BlockHessian.class, new HessianDeserializer());
        return m;
    }

    /** A new mapper with {@link #module()}, indented output, failing on unknown properties. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(module()).enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    public static String toJson(Structure s) {
        try {
            return mapper().writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a structure; errors name {@code source}, line and column. */
    public static Structure fromJson(String json, String source) {
        return parse(json, source, Structure.class, mapper());
    }

    public static Structure read(Path path) {
        return read(path, Structure.class);
    }

    /** Reads any JSON value the core mapper can build (a record holding structures, say). */
    public static <T> T read(Path path, Class<T> type) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException("no such file: " + path, e);
        } catch (IOException e) {
            throw new InputException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return parse(text, path.toString(), type, mapper());
    }

    /** Writes any value atomically (temporary file renamed into place). */
    public static void write(Path path, Object value) {
        try {
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
            Files.writeString(tmp, mapper().writeValueAsString(value) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InputException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    static <T> T parse(String json, String source, Class<T> type, ObjectMapper m) {
        try {
            return m.readValue(json, type);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? source : source + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            Throwable cause = e.getCause();
            if (cause instanceof InputException ie) {
                throw new InputException(where + ": " + ie.getMessage(), e);
            }
            throw new InputException(where + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The wire form of a structure. */
    record StructureDto(double[][] cell, boolean[] pbc, String[] symbols, double[][] positions,
                        Map<String, double[][]> arrays) {
    }

    private static final class StructureSerializer extends JsonSerializer<Structure> {
        @Override
        public void serialize(Structure s, JsonGenerator g, SerializerProvider p) throws IOException {
            int n = s.size();
            double[][] cell = {s.cell().vector(0), s.cell().vector(1), s.cell().vector(2)};
            Map<String, double[][]> arrays = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> e : s.arrays().entrySet()) {
                arrays.put(e.getKey(), rows(e.getValue(), n));
            }
            p.defaultSerializeValue(new StructureDto(cell, s.cell().pbc(), s.symbols(), rows(s.positionsView(), n),
                    arrays), g);
        }
    }

    private static final class StructureDeserializer extends JsonDeserializer<Structure> {
        @Override
        public Structure deserialize(JsonParser jp, DeserializationContext ctx) throws IOException {
            try {
                return build(ctx.readValue(jp, StructureDto.class));
            } catch (InputException e) {
                throw JsonMappingException.from(jp, e.getMessage(), e);   // keeps the line and column
            }
        }

        private static Structure build(StructureDto d) {
            if (d.cell() == null || d.symbols() == null || d.positions() == null) {
                throw new InputException("a structure needs \"cell\", \"symbols\" and \"positions\"");
            }
            int n = d.symbols().length;
            if (d.positions().length != n) {
                throw new InputException("\"positions\" has " + d.positions().length + " rows for " + n + " symbols");
            }
            if (d.cell().length != 3) {
                throw new InputException("\"cell\" needs 3 lattice vectors, got " + d.cell().length);
            }
            double[] m = new double[9];
            for (int i = 0; i < 3; i++) {
                if (d.cell()[i] == null || d.cell()[i].length != 3) {
                    throw new InputException("lattice vector " + i + " of \"cell\" needs 3 numbers");
                }
                System.arraycopy(d.cell()[i], 0, m, 3 * i, 3);
            }
            boolean[] pbc = d.pbc() == null ? new boolean[] {true, true, true} : d.pbc();
            if (pbc.length != 3) {
                throw new InputException("\"pbc\" needs 3 flags, got " + pbc.length);
            }
            Element[] el = new Element[n];
            for (int i = 0; i < n; i++) {
                try {
                    el[i] = Element.of(d.symbols()[i]);
                } catch (InputException e) {
                    throw new InputException("atom " + i + ": " + e.getMessage());
                }
            }
            Map<String, double[]> arrays = new LinkedHashMap<>();
            if (d.arrays() != null) {
                for (Map.Entry<String, double[][]> e : d.arrays().entrySet()) {
                    if (e.getValue().length != n) {
                        throw new InputException("array \"" + e.getKey() + "\" has " + e.getValue().length
                                + " rows for " + n + " atoms");
                    }
                    arrays.put(e.getKey(), flat(e.getValue(), e.getKey(), -1));
                }
            }
            return new Structure(flat(d.positions(), "positions", 3), el, new Cell(m, pbc), arrays);
        }
    }

    private static double[][] rows(double[] flat, int n) {
        int w = n == 0 ? 0 : flat.length / n;
        double[][] r = new double[n][];
        for (int i = 0; i < n; i++) {
            r[i] = java.util.Arrays.copyOfRange(flat, w * i, w * i + w);
        }
        return r;
    }

    private static double[] flat(double[][] rows, String what, int width) {
        int w = rows.length == 0 ? 0 : rows[0] == null ? -1 : rows[0].length;
        if (width >= 0 && rows.length > 0 && w != width) {
            throw new InputException("\"" + what + "\" rows need " + width + " numbers, row 0 has " + w);
        }
        double[] f = new double[rows.length * Math.max(w, 0)];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != w) {
                throw new InputException("\"" + what + "\" row " + i + " has a different length than row 0");
            }
            System.arraycopy(rows[i], 0, f, w * i, w);
        }
        return f;
    }

    record BlockDto(int i, int j, double[] values) {
    }

    record HessianDto(int atoms, BlockDto[] blocks) {
    }

    private static final class HessianSerializer extends JsonSerializer<BlockHessian> {
        @Override
        public void serialize(BlockHessian h, JsonGenerator g, SerializerProvider p) throws IOException {
            BlockDto[] blocks = new BlockDto[h.blocks()];
            int q = 0;
            for (int i = 0; i < h.atoms(); i++) {
                for (int k = h.rowStart(i); k < h.rowEnd(i); k++) {
                    double[] v = new double[9];
                    for (int a = 0; a < 3; a++) {
                        for (int b = 0; b < 3; b++) {
                            v[3 * a + b] = h.blockValue(k, a, b);
                        }
                    }
                    blocks[q++] = new BlockDto(i, h.blockColumn(k), v);
                }
            }
            p.defaultSerializeValue(new HessianDto(h.atoms(), java.util.Arrays.copyOf(blocks, q)), g);
        }
    }

    private static final class HessianDeserializer extends JsonDeserializer<BlockHessian> {
        @Override
        public BlockHessian deserialize(JsonParser jp, DeserializationContext ctx) throws IOException {
            HessianDto d = ctx.readValue(jp, HessianDto.class);
            if (d.atoms() < 0 || d.blocks() == null) {
                throw JsonMappingException.from(jp, "a Hessian needs \"atoms\" >= 0 and \"blocks\"");
            }
            BlockHessian.Builder b = new BlockHessian.Builder(d.atoms());
            for (BlockDto blk : d.blocks()) {
                if (blk.i() < 0 || blk.i() >= d.atoms() || blk.j() < 0 || blk.j() >= d.atoms()
                        || blk.values() == null || blk.values().length != 9) {
                    throw JsonMappingException.from(jp, "Hessian block (" + blk.i() + ", " + blk.j()
                            + ") is out of range or does not have 9 values");
                }
                b.addBlock(blk.i(), blk.j(), blk.values(), 1);
            }
            return b.build();
        }
    }
}
