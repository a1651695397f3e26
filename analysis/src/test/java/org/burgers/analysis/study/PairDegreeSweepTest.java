package org.burgers.analysis.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.burgers.core.InputException;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pair-degree RMSE sweep ({@code basis.rmsePairDegrees}): extra experiments at the largest L that differ
 * from the L sweep only in the pair degree, in the RMSE rate and figures and nowhere else.
 */
class PairDegreeSweepTest {
    @TempDir
    Path dir;

    /** Tiny W study, one case, L = 5 and 6, many-body degree 6, pair degrees {@code pairs} swept. */
    static StudyDocument doc(List<Integer> pairs) {
        StudyDocument t = TinyStudies.wScrew();
        StudyDocument.Basis b = t.basis();
        StudyDocument.Basis swept = new StudyDocument.Basis(b.order(), b.degree(), List.of(), b.rcut(), b.r0(),
                b.pairDegree(), b.wL(), b.pairCurvature(), b.pairCurvatureFrom(), b.pairCurvatureTo(), pairs);
        return new StudyDocument(t.name(), t.system(), t.reference(), t.simulationSize(), t.trainingSizes(),
                t.training(), swept, Map.of("cle-nonlinear", t.cases().get("cle-nonlinear")), t.solver(),
                t.relaxation(), t.elasticUnit()).validated("test");
    }

    @Test
    void planAddsOneExperimentPerOtherPairDegreeAtTheLargestL() {
        List<StudyRunner.Planned> plan = StudyRunner.create(doc(List.of(12, 6, 20))).plan();
        List<String> ids = plan.stream().map(StudyRunner.Planned::id).toList();
        // the L sweep keeps its ids (stored studies resume); pair degree 6 is the sweep's own and adds nothing
        assertEquals(List.of("L0005.00-D06-cle-nonlinear", "L0006.00-D06-cle-nonlinear",
                "L0006.00-D06-P012-cle-nonlinear", "L0006.00-D06-P020-cle-nonlinear"), ids);
        assertEquals(List.of(6, 6, 12, 20), plan.stream().map(StudyRunner.Planned::pairDegree).toList());
        assertEquals(List.of(false, false, true, true), plan.stream().map(StudyRunner.Planned::pairSwept).toList());
    }

    @Test
    void aPairDegreeBelowTheManyBodyDegreeIsRefusedWithTheField() {
        InputException e = assertThrows(InputException.class, () -> doc(List.of(4)));
        assertTrue(e.getMessage().contains("rmsePairDegrees") && e.getMessage().contains("4"), e.getMessage());
    }

    @Test
    void pairSweepExperimentsJoinTheRmseRateOnly() throws Exception {
        Path cache = dir.resolve("cache");
        Path out = dir.resolve("study");
        StudyRunner.create(doc(List.of(12, 20))).run(out, cache, Progress.silent());
        List<ExperimentResult> rs = new ResultStore(out).all().stream()
                .sorted(Comparator.comparingDouble(ExperimentResult::trainingSize)
                        .thenComparing(ExperimentResult::pairDegree)).toList();
        assertEquals(4, rs.size());
        rs.forEach(r -> assertTrue(r.ok(), r.id() + ": " + r.failure()));
        assertEquals(List.of(6, 6, 12, 20), rs.stream().map(ExperimentResult::pairDegree).toList());
        // same many-body basis, more pair functions: the basis grows by the pair degree (one species)
        assertEquals(rs.get(1).basisSize() + 6, rs.get(2).basisSize());
        assertEquals(rs.get(1).basisSize() + 14, rs.get(3).basisSize());

        // every fitted model is stored, loads as ace:FILE, and its force at the cached reference equilibrium
        // ybar is the recorded F^ML(ybar)
        Path ybar;
        try (var files = java.nio.file.Files.list(cache)) {
            ybar = files.filter(f -> f.getFileName().toString().startsWith("quadrupole-")).findFirst().orElseThrow();
        }
        Structure y = org.burgers.core.io.ExtXyz.read(ybar).get(0).structure();
        for (ExperimentResult r : rs) {
            Potential m = PotentialSpec.parse("ace:" + out.resolve("models").resolve(r.id() + ".json"));
            double rms = 1000 * StudyRunner.rms(m.evaluate(y, Request.FORCES).forces(), null);
            assertTrue(r.ybarForceRmse() > 0, r.id());
            assertEquals(r.ybarForceRmse(), rms, 1e-9 * rms, r.id());
        }

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        int checked = 0;
        for (JsonNode rate : report.get("rates")) {
            int points = rate.get("points").asInt();
            if (rate.get("against").asText().equals("L")) {
                assertEquals(2, points, "the L rate holds the L sweep only: " + rate);
            } else {
                assertEquals(3, points, "the RMSE rate holds the L sweep's L = 6 and both pair degrees: " + rate);
            }
            checked++;
        }
        assertEquals(4, checked);
        String md = java.nio.file.Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("| L0006.00-D06-P020-cle-nonlinear | cle-nonlinear | 6.00 | 6/20 |"), md);
    }
}
