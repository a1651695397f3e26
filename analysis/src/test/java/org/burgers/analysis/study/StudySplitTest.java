package org.burgers.analysis.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.burgers.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** burgers split on a finished tiny study: the split of every experiment, stored, resumed and summarised. */
class StudySplitTest {
    @TempDir
    Path dir;

    @Test
    void splitsEveryStoredExperimentAndResumesFromTheStoredOnes() throws Exception {
        StudyDocument doc = TinyStudies.wScrew();
        Path out = dir.resolve("study");
        Path cache = dir.resolve("cache");
        StudyRunner runner = StudyRunner.create(doc);
        runner.run(out, cache, Progress.silent());
        Map<String, ExperimentResult> results = new ResultStore(out).all().stream()
                .collect(Collectors.toMap(ExperimentResult::id, r -> r));

        List<ResidualSplit> splits = runner.split(out, cache, Progress.silent(), 0.25, null, null);
        assertEquals(results.size(), splits.size());
        for (ResidualSplit s : splits) {
            assertNull(s.failure(), s.id());
            ExperimentResult r = results.get(s.id());
            assertEquals(r.geometryError(), s.geometryStudy(), 0, s.id());
            assertEquals(0.25 * s.trainingSize() * 3.14339, s.radius(), 1e-4);
            assertTrue(Files.exists(out.resolve("split").resolve(s.id() + ".json")));
            // the site-energy errors at ybar are split too (their sum is checked in ResidualSplitTest)
            assertTrue(Double.isFinite(s.energyNear() + s.energyFar()) && s.energyNear() != 0 && s.energyFar() != 0,
                    s.toString());
        }
        String md = Files.readString(out.resolve("split.md"));
        assertTrue(md.contains("far-only") && md.contains(splits.get(0).id()), md);
        // the tiny models are poor: some find another minimum from ybar than from the predictor, and say so
        for (ResidualSplit s : splits) {
            boolean other = Math.abs(s.geometryFull() - s.geometryStudy()) > 0.1 * s.geometryStudy();
            assertEquals(other, md.contains("- " + s.id() + ": relaxed from ybar"), s.toString());
        }
        assertTrue(Files.exists(out.resolve("split.json")));

        // a second run reads the stored splits (same numbers, no relaxation: the stored seconds come back)
        List<ResidualSplit> again = runner.split(out, cache, Progress.silent(), 0.25, Set.of("cle"), Set.of(5.0));
        assertEquals(1, again.size());
        ResidualSplit first = splits.stream().filter(s -> s.id().equals(again.get(0).id())).findFirst().orElseThrow();
        assertEquals(first.geometryFarOnly(), again.get(0).geometryFarOnly(), 0);
        assertEquals(first.seconds(), again.get(0).seconds(), 0);

        List<ErrorProfile> profiles = runner.profile(out, cache, Progress.silent(), new double[]{2, 4}, false,
                Set.of("cle-nonlinear"), null);
        assertEquals(2, profiles.size());
        for (ErrorProfile p : profiles) {
            assertArrayEquals(new double[]{2, 4}, p.radii(), 0);
            assertTrue(p.farOnly()[0] > 0 && p.residualBeyond()[1] > 0, p.toString());
        }
        assertTrue(Files.readString(out.resolve("profile.md")).contains("slope vs R"));
        // radii per L: the stored profiles at other radii are computed again, not reused
        List<ErrorProfile> perL = runner.profile(out, cache, Progress.silent(), new double[]{0.5}, true,
                Set.of("cle-nonlinear"), Set.of(5.0));
        assertEquals(1, perL.size());
        assertArrayEquals(new double[]{0.5 * 5 * 3.14339}, perL.get(0).radii(), 1e-4);
        // and a split at another radius likewise
        List<ResidualSplit> wide = runner.split(out, cache, Progress.silent(), 0.5, Set.of("cle"), Set.of(5.0));
        assertEquals(0.5 * 5 * 3.14339, wide.get(0).radius(), 1e-4);

        // a tighter tolerance: the reference and the models relaxed anew, into split-fmax1.0E-5, and the study's
        // reference.json untouched
        String reference = Files.readString(out.resolve("reference.json"));
        StudyDocument.Relaxation r = doc.relaxation();
        StudyRunner tight = StudyRunner.create(doc.withRelaxation(new StudyDocument.Relaxation(r.method(), 1e-5,
                r.maxSteps())));
        assertEquals("-fmax1.0E-5", tight.diagnosticTag(out));
        assertEquals("", runner.diagnosticTag(out));
        List<ResidualSplit> t = tight.split(out, cache, Progress.silent(), 0.25, Set.of("cle"), Set.of(5.0));
        assertEquals(1, t.size());
        assertTrue(Files.exists(out.resolve("split-fmax1.0E-5").resolve(t.get(0).id() + ".json")));
        assertTrue(Files.readString(out.resolve("split-fmax1.0E-5.md")).contains("fmax 1.00e-05"));
        assertEquals(reference, Files.readString(out.resolve("reference.json")));
        // another document (not only its relaxation) is refused
        StudyDocument other = TinyStudies.shrink("w-screw-quick", 6, List.of(5.0, 6.0), 3, 2, 5, List.of());
        assertThrows(InputException.class, () -> StudyRunner.create(other).split(out, cache, Progress.silent(), 0.25,
                null, null));

        // the study's report names the splits and their far-only slopes in its notes (the summaries hold what the
        // last split of each tolerance selected: here the case cle at one L, so its slope is n/a)
        @SuppressWarnings("unchecked")
        List<String> notes = (List<String>) StudyRunner.report(out).get("notes");
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("residual split (split.md, R = 0.500 L r0")
                && n.contains("; cle n/a")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("residual split (split-fmax1.0E-5.md")), notes.toString());

        assertThrows(InputException.class, () -> runner.split(out, cache, Progress.silent(), -1, null, null));
        assertThrows(InputException.class, () -> runner.split(dir.resolve("none"), cache, Progress.silent(), 0.25,
                null, null));
    }
}
