package org.burgers.analysis.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reference relaxation whose cores annihilate is a failure of the study, reported, not a pair of small
 * errors: with Stillinger-Weber Si the N = 6 edge quadrupole relaxes into a perfect crystal (measured:
 * E(ybar) = 3e-6 eV), while the modified Tersoff keeps its four cores (24 eV).
 */
class LostDislocationsTest {
    @TempDir
    Path dir;

    /** Stillinger and Weber 1985 (Phys. Rev. B 31, 5262), LAMMPS sw format. */
    static final String SW = "Si Si Si 2.1683 2.0951 1.80 21.0 1.20 -0.333333333333333 7.049556277 0.6022245584 "
            + "4.0 0.0 0.0\n";

    static StudyDocument doc(String reference) {
        StudyDocument p = TinyStudies.shrink("si-edge-quick", 6, List.of(4.0), 2, 1, 4, List.of());
        return new StudyDocument(p.name(), p.system(), reference, p.simulationSize(), p.trainingSizes(), p.training(),
                p.basis(), Map.of("cle", p.cases().get("cle")), p.solver(), p.relaxation(), p.elasticUnit())
                .validated("test");
    }

    @Test
    void anAnnihilatedQuadrupoleFailsEveryExperimentWithTheReason() throws Exception {
        Path sw = dir.resolve("Si.sw");
        Files.writeString(sw, SW);
        Path out = dir.resolve("study");
        StudyRunner.create(doc("sw:" + sw)).run(out, null, Progress.silent());
        ExperimentResult r = new ResultStore(out).all().get(0);
        assertFalse(r.ok());
        assertTrue(r.failure().contains("lost its dislocations"), r.failure());
        JsonNode ref = new ObjectMapper().readTree(out.resolve("reference.json").toFile());
        assertTrue(ref.get("energyPerLineLength").asDouble() < SimulationReference.LOST_EV_PER_A, ref.toString());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        boolean noted = false;
        for (JsonNode n : report.get("notes")) {
            noted |= n.asText().contains("lost its dislocations");
        }
        assertTrue(noted, report.get("notes").toString());
    }

    @Test
    void theTersoffQuadrupoleKeepsItsCores() throws Exception {
        StudyDocument d = doc("builtin:Si");
        Path out = dir.resolve("tersoff");
        StudyRunner.create(d).run(out, null, Progress.silent());
        JsonNode ref = new ObjectMapper().readTree(out.resolve("reference.json").toFile());
        assertNull(ref.get("lostDislocations"));
        // 24 eV over four cores of 6.65 A: about 0.9 eV/A, far above the threshold
        assertEquals(0.91, ref.get("energyPerLineLength").asDouble(), 0.05);
    }
}
