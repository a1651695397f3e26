package org.burgers.analysis.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.burgers.core.InputException;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.structure.Structure;
import org.burgers.fitting.data.DataSets;
import org.burgers.fitting.data.LabelledConfiguration;
import org.burgers.simulation.dislocation.DislocationSystem;
import org.burgers.simulation.relax.RelaxMethod;
import org.burgers.simulation.relax.RelaxOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * training.alphas: one set holding several levels of perturbation (section 4.1.2: "two values of parameter
 * alpha representing two levels of perturbation"), sample j of a cell perturbed by alphas[j mod n].
 */
class TrainingLevelsTest {
    @TempDir
    Path dir;

    private static StudyDocument withTraining(StudyDocument.Training t) {
        StudyDocument d = TinyStudies.wScrew();
        return new StudyDocument(d.name(), d.system(), d.reference(), 5.0, List.of(5.0), t, d.basis(),
                Map.of("no-elasticity", d.cases().get("no-elasticity")), d.solver(), d.relaxation(), d.elasticUnit(),
                d.elasticShifts()).validated("doc.json");
    }

    @Test
    void samplesAlternateBetweenTheLevelsInTheTrainingAndTheTestSet() throws Exception {
        int nTrain = 5, nTest = 3;
        StudyDocument d = withTraining(new StudyDocument.Training(null, nTrain, nTest, 7, "julip", null,
                List.of(0.1, 0.5)));
        assertEquals("0.1 / 0.5 A alternating", d.training().describeLevels());
        StudyRunner.create(d).run(dir.resolve("out"), dir.resolve("cache"), Progress.silent());
        assertTrue(new ResultStore(dir.resolve("out")).all().get(0).ok());
        // report.md names what ran, the levels among it
        String md = Files.readString(dir.resolve("out/report.md"));
        assertTrue(md.contains("study: w-screw, reference builtin:W, N = 5 r0, L = 5 r0; 5 + 3 samples per L, alpha 0.1 / "
                + "0.5 A alternating (julip rattle), seed 7; ACE order 3, degree 6"), md);

        Potential w = PotentialSpec.parse("builtin:W");
        Structure ybarL = RelaxMethod.PRECON_LBFGS.create().relax(new PredictorFactory(DislocationSystem.W_SCREW, w)
                .dipole(5).structure(), w, RelaxOptions.of(d.relaxation().fmax())).requireConverged().structure();
        List<LabelledConfiguration> train = cached("-train-"), test = cached("-test-");
        assertEquals(nTrain, train.size());
        assertEquals(nTest, test.size());
        for (int j = 0; j < nTrain + nTest; j++) {
            LabelledConfiguration c = j < nTrain ? train.get(j) : test.get(j - nTrain);
            // JuLIP: uniform in [-alpha/sqrt 3, alpha/sqrt 3] per component; over 144 components the largest is
            // within 2% of the bound unless the level is another one
            double bound = (j % 2 == 0 ? 0.1 : 0.5) / Math.sqrt(3);
            double largest = largestComponent(c.structure(), ybarL);
            assertTrue(largest <= bound + 1e-6 && largest > 0.9 * bound,
                    "sample " + j + ": largest displacement component " + largest + " A, level bound " + bound);
        }
        // a single level keeps its former cache key: the same document with alpha = 0.1 writes another set
        StudyDocument one = withTraining(new StudyDocument.Training(0.1, nTrain, nTest, 7, "julip"));
        StudyRunner.create(one).run(dir.resolve("one"), dir.resolve("cache"), Progress.silent());
        try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
            assertEquals(2, files.filter(f -> f.getFileName().toString().contains("-train-")).count());
        }
        assertEquals(d, StudyDocument.read(dir.resolve("out/study.json")));
        // a document names the levels without alpha
        String json = Files.readString(dir.resolve("out/study.json"));
        assertTrue(!json.contains("\"alpha\" :") || json.contains("\"alpha\" : null"), json);
        Path written = dir.resolve("levels.json");
        Files.writeString(written, json.replace("\"alpha\" : null,", ""));
        assertEquals(d, StudyDocument.read(written));
    }

    @Test
    void aDocumentGivesAlphaOrAlphasAndEveryLevelIsPositive() {
        InputException e = assertThrows(InputException.class,
                () -> withTraining(new StudyDocument.Training(0.1, 4, 2, 7, null, null, List.of(0.1, 0.5))));
        assertEquals("doc.json: training: give alpha or alphas, not both", e.getMessage());
        e = assertThrows(InputException.class,
                () -> withTraining(new StudyDocument.Training(null, 4, 2, 7, null, null, List.of(0.1, -0.5))));
        assertEquals("doc.json: training.alphas: -0.5 is not > 0", e.getMessage());
        e = assertThrows(InputException.class, () -> withTraining(new StudyDocument.Training(0, 4, 2, 7)));
        assertEquals("doc.json: training needs alpha > 0 (or a list alphas), got 0.0", e.getMessage());
        assertEquals(List.of(0.25), withTraining(new StudyDocument.Training(0.25, 4, 2, 7)).training().levels());
    }

    private List<LabelledConfiguration> cached(String part) throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
            List<Path> p = files.filter(f -> f.getFileName().toString().contains(part)).toList();
            assertEquals(1, p.size(), p.toString());
            return DataSets.read(p.get(0));
        }
    }

    private static double largestComponent(Structure s, Structure ref) {
        double[] x = s.positions(), x0 = ref.positions();
        double m = 0;
        for (int k = 0; k < x.length; k++) {
            m = Math.max(m, Math.abs(x[k] - x0[k]));
        }
        return m;
    }
}
