package org.burgers.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.burgers.analysis.report.ReportWriter;
import org.burgers.analysis.study.ExperimentResult;
import org.burgers.analysis.study.ResultStore;
import org.burgers.analysis.study.StudyDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** study, report and compare on the command line: output, exit codes and bad input. */
class StudyCommandsTest {
    @TempDir
    Path dir;

    /** A potential compared with itself: both relax the same predictor to the same minimum. */
    @Test
    void compareOfAPotentialWithItselfGivesZeroErrors() throws Exception {
        CliRun r = CliRun.of("compare", "--reference", "builtin:W", "--model",
                "builtin:W", "--system", "w-screw", "--size", "5", "--fmax", "1e-4");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(0, j.get("geometryError").asDouble(), 0);
        assertEquals(0, j.get("energyError").asDouble(), 0);
        assertEquals(0, j.get("bondChanges").asInt(-1));
        int n = new org.burgers.analysis.study.PredictorFactory(
                org.burgers.simulation.dislocation.DislocationSystem.W_SCREW,
                org.burgers.core.potential.PotentialSpec.parse("builtin:W")).quadrupole(5).structure().size();
        assertEquals(n, j.get("natoms").asInt());
        // four screw cores cost energy: positive, and below 1 eV per atom of the cell
        double e = j.get("referenceEnergy").asDouble();
        assertTrue(e > 0 && e < n, "quadrupole energy " + e);
        assertEquals(e, j.get("modelEnergy").asDouble(), 0);
    }

    @Test
    void badInputExitsWithCode2() {
        assertEquals(2, CliRun.of("compare", "--reference", "builtin:W", "--model", "builtin:W",
                "--system", "w-nonsense", "--size", "5").code());
        CliRun r = CliRun.of("study", "--preset", "w-screw-nonsense", "--out",
                dir.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown preset"), r.err());
        assertEquals(2, CliRun.of("study", "--out", dir.toString()).code());
        assertEquals(2, CliRun.of("report", dir.resolve("nothing").toString()).code());
    }

    @Test
    void studyPrintsAPresetDocumentThatReadsBack() throws Exception {
        CliRun r = CliRun.of("study", "--preset", "w-screw-paper", "--print-document",
                "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        Path f = dir.resolve("doc.json");
        Files.writeString(f, r.out());
        assertEquals(StudyDocument.preset("w-screw-paper"), StudyDocument.read(f));
    }

    /** report DIR rebuilds the same report.json from the stored document and experiments. */
    @Test
    void reportRebuildsFromStoredResults() throws Exception {
        StudyDocument doc = StudyDocument.preset("w-screw-quick");
        doc.write(dir.resolve("study.json"));
        ResultStore store = new ResultStore(dir);
        double[] ls = {4, 5, 7, 10};
        for (double l : ls) {
            for (String c : ReportWriter.CASES) {
                double g = c.equals("no-elasticity") ? 0.5 : 1 / l;
                store.save(new ExperimentResult(String.format("L%07.2f-D10-%s", l, c), c, l, 10, 110, g, g * g, 1,
                        100, 90, 0.1, 1, true, 20, null, 1.0));
            }
        }
        assertEquals(0, CliRun.of("report", dir.toString()).code());
        String first = Files.readString(dir.resolve("report.json"));
        Files.delete(dir.resolve("report.json"));
        CliRun r = CliRun.of("report", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(first, Files.readString(dir.resolve("report.json")));
        JsonNode rates = new ObjectMapper().readTree(first).get("rates");
        boolean found = false;
        for (JsonNode x : rates) {
            if (x.get("case").asText().equals("cle") && x.get("quantity").asText().equals("geometry")
                    && x.get("against").asText().equals("L")) {
                assertEquals(-1, x.get("slope").asDouble(), 1e-12);
                found = true;
            }
        }
        assertTrue(found);
        assertTrue(Files.exists(dir.resolve("report.html")) && Files.exists(dir.resolve("geometry-vs-L.png")));
    }

    /** A committed report whose experiments/ folder is not there is not replaced by an empty one. */
    @Test
    void reportRefusesToOverwriteAReportWithoutExperiments() throws Exception {
        Path d = dir.resolve("committed");
        Files.createDirectories(d);
        StudyDocument.preset("w-screw-quick").write(d.resolve("study.json"));
        Files.writeString(d.resolve("report.json"), "{\"rates\": [1]}");
        CliRun r = CliRun.of("report", d.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no experiments"), r.err());
        assertEquals("{\"rates\": [1]}", Files.readString(d.resolve("report.json")));
    }
}
