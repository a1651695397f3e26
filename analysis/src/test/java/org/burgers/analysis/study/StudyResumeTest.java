package org.burgers.analysis.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study killed (SIGKILL of the JVM running {@code burgers study}) after its first stored experiment and
 * then resumed gives the same report.json numbers as an uninterrupted run, which uses its own, fresh cache
 * (so a cached reference and a recomputed one must agree as well). Only the wall times differ.
 */
class StudyResumeTest {
    @TempDir
    Path dir;

    @Test
    void aKilledAndResumedStudyReportsTheSameNumbers() throws Exception {
        StudyDocument doc = TinyStudies.wScrew();
        Path config = dir.resolve("study.json");
        doc.write(config);
        Path killed = dir.resolve("killed");
        Path cacheA = dir.resolve("cache-a");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "org.burgers.analysis.cli.BurgersCommand", "study", "--config", config.toString(), "--out",
                killed.toString(), "--cache", cacheA.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
        Path experiments = killed.resolve("experiments");
        int stored = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (p.isAlive() && System.nanoTime() < deadline) {
            stored = count(experiments);
            if (stored >= 1) {
                break;
            }
            Thread.sleep(20);
        }
        p.destroyForcibly().waitFor();
        stored = count(experiments);
        int total = StudyRunner.create(doc).plan().size();
        assertTrue(stored >= 1 && stored < total, "killed after " + stored + " of " + total
                + " experiments; log: " + Files.readString(dir.resolve("killed.log")));
        assertTrue(!Files.exists(killed.resolve("report.json")), "the killed run must not have finished");

        StudyRunner.create(doc).run(killed, cacheA, Progress.silent());
        assertEquals(total, count(experiments));
        Path whole = dir.resolve("whole");
        StudyRunner.create(doc).run(whole, dir.resolve("cache-b"), Progress.silent());

        JsonNode a = withoutTimes(killed.resolve("report.json").toFile());
        JsonNode b = withoutTimes(whole.resolve("report.json").toFile());
        assertEquals(b, a);
        // and the numbers are real: every experiment succeeded
        for (JsonNode e : a.get("experiments")) {
            assertTrue(e.get("failure").isNull(), e.toString());
        }
    }

    private static int count(Path experiments) throws Exception {
        if (!Files.isDirectory(experiments)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(experiments)) {
            return (int) s.filter(f -> f.toString().endsWith(".json")).count();
        }
    }

    /** report.json without the wall times of the experiments (the one thing that may differ). */
    static JsonNode withoutTimes(File f) throws Exception {
        JsonNode n = new ObjectMapper().readTree(f);
        List<JsonNode> es = new ArrayList<>();
        n.get("experiments").forEach(es::add);
        for (JsonNode e : es) {
            ((ObjectNode) e).remove("seconds");
        }
        return n;
    }
}
