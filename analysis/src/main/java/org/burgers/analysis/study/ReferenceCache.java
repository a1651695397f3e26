package org.burgers.analysis.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.burgers.core.io.ExtXyz;
import org.burgers.core.io.Frame;
import org.burgers.core.structure.Structure;
import org.burgers.fitting.data.DataSets;
import org.burgers.fitting.data.LabelledConfiguration;
import org.burgers.simulation.relax.RelaxResult;

/**
 * Results of the reference potential that several experiments and studies share: relaxed dipole and
 * quadrupole cells and labelled training/test sets, stored as extended XYZ (doubles written in their
 * shortest round-trip form, so a cached result reads back bit for bit) under a directory, one file per key.
 * The key is a SHA-256 hash of a text that names everything that determines the result (potential
 * specification and the file's content hash, system, size, lattice constant, relaxer, tolerances, alpha,
 * counts, seed, and a version of this format). Files are written to a temporary name and renamed, so two
 * studies may share a cache. Without a directory the cache lives in memory for one run.
 */
public final class ReferenceCache {
    /** Bump when what is cached, or how, changes: old entries are then simply not found. */
    static final String VERSION = "study-cache-1";

    private final Path dir;
    private final java.util.Map<String, Object> memory = new java.util.HashMap<>();

    public ReferenceCache(Path dir) {
        this.dir = dir;
    }

    /** A relaxation as cached: the last structure and how the relaxation ended. */
    public record Relaxation(Structure structure, boolean converged, int iterations, double fmax, String message,
                             boolean fromCache) {
    }

    public static String hash(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((VERSION + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The potential specification, plus the content hash of its file when the argument names one. */
    public static String potentialKey(String spec) {
        int colon = spec.indexOf(':');
        String arg = colon >= 0 ? spec.substring(colon + 1) : spec;
        try {
            Path p = Path.of(arg);
            if (Files.isRegularFile(p)) {
                byte[] h = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                return spec + "#" + HexFormat.of().formatHex(h);
            }
        } catch (IOException | NoSuchAlgorithmException | java.nio.file.InvalidPathException e) {
            // not a readable file: the specification alone names the potential
        }
        return spec;
    }

    public synchronized Relaxation relaxation(String label, String key, Supplier<RelaxResult> compute) {
        String name = label + "-" + hash(key) + ".xyz";
        if (dir == null) {
            Object m = memory.get(name);
            if (m != null) {
                Relaxation r = (Relaxation) m;
                return new Relaxation(r.structure(), r.converged(), r.iterations(), r.fmax(), r.message(), true);
            }
        } else if (Files.exists(dir.resolve(name))) {
            Frame f = ExtXyz.readFirst(dir.resolve(name));
            return new Relaxation(f.structure(), Boolean.TRUE.equals(f.info().get("converged")),
                    ((Number) f.info().get("iterations")).intValue(), ((Number) f.info().get("fmax")).doubleValue(),
                    String.valueOf(f.info().get("message")), true);
        }
        RelaxResult r = compute.get();
        Relaxation out = new Relaxation(r.structure(), r.converged(), r.iterations(), r.fmax(), r.message(), false);
        if (dir == null) {
            memory.put(name, out);
        } else {
            Frame f = Frame.of(r.structure()).withInfo("converged", r.converged()).withInfo("iterations", r.iterations())
                    .withInfo("fmax", r.fmax()).withInfo("message", r.message()).withInfo("key", hash(key));
            writeAtomically(dir.resolve(name), List.of(f));
            // read back what is stored, so a first run and a cached run see the same numbers
            Frame back = ExtXyz.readFirst(dir.resolve(name));
            out = new Relaxation(back.structure(), out.converged(), out.iterations(), out.fmax(), out.message(), false);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public synchronized List<LabelledConfiguration> labelled(String label, String key, Supplier<List<Frame>> compute) {
        String name = label + "-" + hash(key) + ".xyz";
        if (dir == null) {
            Object m = memory.get(name);
            if (m == null) {
                m = toLabelled(compute.get(), name);
                memory.put(name, m);
            }
            return (List<LabelledConfiguration>) m;
        }
        Path p = dir.resolve(name);
        if (!Files.exists(p)) {
            writeAtomically(p, compute.get());
        }
        return DataSets.read(p);
    }

    private static List<LabelledConfiguration> toLabelled(List<Frame> frames, String name) {
        List<LabelledConfiguration> out = new ArrayList<>();
        for (int k = 0; k < frames.size(); k++) {
            out.add(DataSets.fromFrame(frames.get(k), name + " frame " + k));
        }
        return out;
    }

    private static void writeAtomically(Path target, List<Frame> frames) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            ExtXyz.write(tmp, frames);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cache entry " + target, e);
        }
    }
}
