package org.burgers.analysis.study;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The finished experiments of a study, one JSON file each under {@code DIR/experiments/}. Every file is
 * written to a temporary name and renamed into place (atomic on one file system), so an interrupted study
 * never leaves a half-written record, and a restarted one skips what is already there.
 */
public final class ResultStore {
    // NaN (a failed stage) is written as the string "NaN" (Jackson's default) and read back as NaN
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public ResultStore(Path studyDir) {
        this.dir = studyDir.resolve("experiments");
    }

    public Path directory() {
        return dir;
    }

    public Optional<ExperimentResult> find(String id) {
        Path p = dir.resolve(id + ".json");
        if (!Files.exists(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readValue(p.toFile(), ExperimentResult.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read experiment record " + p, e);
        }
    }

    public void save(ExperimentResult r) {
        writeAtomically(dir.resolve(r.id() + ".json"), r);
    }

    /** All stored experiments, sorted by id (so reports do not depend on completion order). */
    public List<ExperimentResult> all() {
        List<ExperimentResult> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                out.add(MAPPER.readValue(p.toFile(), ExperimentResult.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read experiment records in " + dir, e);
        }
        return out;
    }

    /** Writes any Jackson-serialisable value as JSON, atomically. */
    public static void writeAtomically(Path target, Object value) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName().toString(), ".tmp");
            MAPPER.writeValue(tmp.toFile(), value);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    public static void writeStringAtomically(Path target, String text) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName().toString(), ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
