package org.burgers.analysis.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.simulation.dislocation.DislocationSystem;
import org.burgers.simulation.relax.RelaxMethod;
import org.burgers.simulation.relax.RelaxOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** training.minimizer: the relaxed training cell itself joins the training set (paper section 3.1). */
class TrainingMinimizerTest {
    @TempDir
    Path dir;

    private static StudyDocument withMinimizer(StudyDocument d, Boolean m) {
        StudyDocument.Training t = d.training();
        return new StudyDocument(d.name(), d.system(), d.reference(), 6.0, List.of(6.0),
                new StudyDocument.Training(t.alpha(), t.nTrain(), t.nTest(), t.seed(), t.rattle(), m), d.basis(),
                d.cases(), d.solver(), d.relaxation(), d.elasticUnit(), d.elasticShifts()).validated("test");
    }

    @Test
    void theRelaxedCellJoinsTheTrainingSetAndTheModelLearnsItsZeroForces() throws Exception {
        StudyDocument base = TinyStudies.wScrew();
        StudyDocument without = withMinimizer(base, null);
        StudyDocument with = withMinimizer(base, true);
        assertFalse(without.training().withMinimizer());
        assertTrue(with.training().withMinimizer());
        Path cache = dir.resolve("cache");
        StudyRunner.create(without).run(dir.resolve("without"), cache, Progress.silent());
        StudyRunner.create(with).run(dir.resolve("with"), cache, Progress.silent());
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().contains("minimizer")).count());
        }
        // the model's force on ybar_L (the reference's is zero there): smaller with ybar_L in the training set (the
        // tiny basis cannot fit it: 0.27 to 0.23 eV/A rms at L = 6, degree 6, 3 samples)
        Potential w = PotentialSpec.parse("builtin:W");
        Structure ybarL = RelaxMethod.PRECON_LBFGS.create().relax(new PredictorFactory(DislocationSystem.W_SCREW, w)
                .dipole(6).structure(), w, RelaxOptions.of(without.relaxation().fmax())).requireConverged().structure();
        String id = "L0006.00-D06-cle-nonlinear";
        double fWithout = StudyRunner.rms(PotentialSpec.parse("ace:" + dir.resolve("without/models/" + id + ".json"))
                .evaluate(ybarL, Request.FORCES).forces(), null);
        double fWith = StudyRunner.rms(PotentialSpec.parse("ace:" + dir.resolve("with/models/" + id + ".json"))
                .evaluate(ybarL, Request.FORCES).forces(), null);
        assertTrue(fWith < 0.95 * fWithout, "rms F^ML(ybar_L): with " + fWith + ", without " + fWithout + " eV/A");
        // the document reads back with the key
        Path doc = dir.resolve("with/study.json");
        assertTrue(Files.readString(doc).contains("\"minimizer\" : true"), Files.readString(doc));
        assertEquals(with, StudyDocument.read(doc));
    }
}
