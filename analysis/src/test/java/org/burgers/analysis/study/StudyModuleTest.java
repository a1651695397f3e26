package org.burgers.analysis.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;
import com.google.inject.util.Modules;
import java.nio.file.Path;
import java.util.List;
import org.burgers.core.potential.Potential;
import org.burgers.fitting.solve.LinearSystem;
import org.burgers.fitting.solve.QrSolver;
import org.burgers.fitting.solve.Solver;
import org.burgers.simulation.relax.LbfgsRelaxer;
import org.burgers.simulation.relax.RelaxOptions;
import org.burgers.simulation.relax.Relaxer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.AdditionalAnswers;

/** Every stage comes from the document, and one binding swaps one stage. */
class StudyModuleTest {
    @TempDir
    Path dir;

    static StudyDocument with(StudyDocument d, String solver, String method, String reference) {
        return new StudyDocument(d.name(), d.system(), reference, d.simulationSize(), d.trainingSizes(), d.training(),
                d.basis(), d.cases(), solver, new StudyDocument.Relaxation(method, d.relaxation().fmax(),
                d.relaxation().maxSteps()), d.elasticUnit());
    }

    @Test
    void editingOneLineOfTheDocumentSwapsOneStage() {
        StudyDocument d = TinyStudies.wScrew();
        Injector a = Guice.createInjector(new StudyModule(d));
        assertEquals("ard", a.getInstance(Solver.class).name());
        assertEquals("precon-lbfgs", a.getInstance(Relaxer.class).name());
        Potential w = a.getInstance(Key.get(Potential.class, Names.named("reference")));
        assertTrue(w.species().contains("W"));

        Injector b = Guice.createInjector(new StudyModule(with(d, "qr", "fire", d.reference())));
        assertEquals("qr", b.getInstance(Solver.class).name());
        assertEquals("fire", b.getInstance(Relaxer.class).name());
        // the stages are singletons of the study: the runner and the test see the same instance
        assertSame(b.getInstance(Solver.class), b.getInstance(Solver.class));
    }

    @Test
    void aBoundStandInIsTheStageTheRunnerUses() {
        StudyDocument d = TinyStudies.shrink("w-screw-quick", 5, List.of(5.0), 3, 2, 5, List.of());
        d = new StudyDocument(d.name(), d.system(), d.reference(), d.simulationSize(), d.trainingSizes(), d.training(),
                d.basis(), java.util.Map.of("cle", d.cases().get("cle")), d.solver(), d.relaxation(), d.elasticUnit());
        Solver solver = mock(Solver.class, AdditionalAnswers.delegatesTo(new QrSolver(-1)));
        Relaxer relaxer = mock(Relaxer.class, AdditionalAnswers.delegatesTo(new LbfgsRelaxer()));
        StudyDocument doc = d;
        Injector inj = Guice.createInjector(Modules.override(new StudyModule(doc)).with(binder -> {
            binder.bind(Solver.class).toInstance(solver);
            binder.bind(Relaxer.class).toInstance(relaxer);
        }));
        StudyRunner runner = inj.getInstance(StudyRunner.class);
        runner.run(dir, null, Progress.silent());
        verify(solver, atLeastOnce()).solve(any(LinearSystem.class));
        // the reference quadrupole, the dipole and the fitted model's quadrupole: three relaxations
        verify(relaxer, org.mockito.Mockito.times(3)).relax(any(), any(), any(RelaxOptions.class));
        ExperimentResult r = new ResultStore(dir).all().get(0);
        assertEquals("cle", r.caseName());
        assertTrue(r.ok(), String.valueOf(r.failure()));
    }

    /**
     * A solver's warnings reach the experiment's record and the report's notes named once by the solver: the
     * solvers of the project start theirs with their name ("blr: ..."), which the runner must not repeat
     * ("blr: blr: ..." until 2026-11-28); a warning without the name gets it.
     */
    @Test
    void solverWarningsAreNamedOnceBySolver() throws Exception {
        StudyDocument d = TinyStudies.shrink("w-screw-quick", 5, List.of(5.0), 3, 2, 5, List.of());
        d = new StudyDocument(d.name(), d.system(), d.reference(), d.simulationSize(), d.trainingSizes(), d.training(),
                d.basis(), java.util.Map.of("cle", d.cases().get("cle")), d.solver(), d.relaxation(), d.elasticUnit());
        QrSolver qr = new QrSolver(-1);
        Solver solver = mock(Solver.class);
        org.mockito.Mockito.when(solver.name()).thenReturn("qr");
        org.mockito.Mockito.when(solver.solve(any(LinearSystem.class))).thenAnswer(inv -> {
            org.burgers.fitting.solve.Solution s = qr.solve(inv.getArgument(0, LinearSystem.class));
            return new org.burgers.fitting.solve.Solution(s.solver(), s.coefficients(),
                    List.of("qr: a warning with the solver's name", "a warning without it"), s.diagnostics());
        });
        Injector inj = Guice.createInjector(Modules.override(new StudyModule(d)).with(
                binder -> binder.bind(Solver.class).toInstance(solver)));
        inj.getInstance(StudyRunner.class).run(dir, null, Progress.silent());
        ExperimentResult r = new ResultStore(dir).all().get(0);
        assertTrue(r.warnings().contains("qr: a warning with the solver's name"), r.warnings().toString());
        assertTrue(r.warnings().contains("qr: a warning without it"), r.warnings().toString());
        assertTrue(r.warnings().stream().noneMatch(w -> w.startsWith("qr: qr:")), r.warnings().toString());
    }

    /**
     * {@code solverIterations} sets the iteration limit of the document's ARD or BLR solver (the W paper fits
     * with elastic rows stop unconverged at ARD's default 300) and is refused for a direct solver or below 1.
     */
    @Test
    void solverIterationsReachTheBoundSolverAndAreCheckedWhereTheyMeanNothing() {
        StudyDocument d = TinyStudies.wScrew();
        java.util.function.BiFunction<String, Integer, StudyDocument> doc = (solver, it) -> new StudyDocument(d.name(),
                d.system(), d.reference(), d.simulationSize(), d.trainingSizes(), d.training(), d.basis(), d.cases(),
                solver, d.relaxation(), d.elasticUnit(), d.elasticShifts(), it);
        StudyDocument seven = doc.apply("ard", 7).validated("doc.json");
        assertEquals(7, seven.solverConfig().maxIterations());
        assertEquals(300, d.solverConfig().maxIterations());
        Solver ard = Guice.createInjector(new StudyModule(seven)).getInstance(Solver.class);
        double[] a = new double[200 * 20];
        double[] b = new double[200];
        java.util.Random rnd = new java.util.Random(5);
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextGaussian();
        }
        org.burgers.fitting.solve.Solution s = ard.solve(LinearSystem.of(a, 200, 20, b));
        assertTrue((Integer) s.diagnostics().get("iterations") <= 7, s.diagnostics().toString());
        assertTrue(s.warnings().toString().contains("did not converge in 7 iterations")
                || Boolean.TRUE.equals(s.diagnostics().get("converged")), s.warnings().toString());
        org.burgers.core.InputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.burgers.core.InputException.class, () -> doc.apply("qr", 7).validated("doc.json"));
        assertTrue(e.getMessage().startsWith("doc.json: solverIterations must be > 0 and needs an iterative solver"),
                e.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(org.burgers.core.InputException.class,
                () -> doc.apply("ard", 0).validated("doc.json"));
        // a document written and read back keeps the limit (study.json of a study that resumes)
        seven.write(dir.resolve("study.json"));
        assertEquals(seven, StudyDocument.read(dir.resolve("study.json")));
    }

    /** The two word choices of a document parse, and an unknown word is an input error that says where. */
    @Test
    void unknownRattleOrElasticShiftsAreInputErrorsThatSayWhere() {
        StudyDocument p = StudyDocument.preset("si-edge-quick");
        StudyDocument.Training t = p.training();
        java.util.function.BiFunction<String, String, StudyDocument> doc = (rattle, shifts) -> new StudyDocument(p.name(),
                p.system(), p.reference(), p.simulationSize(), p.trainingSizes(),
                new StudyDocument.Training(t.alpha(), t.nTrain(), t.nTest(), t.seed(), rattle), p.basis(), p.cases(),
                p.solver(), p.relaxation(), p.elasticUnit(), shifts);
        StudyDocument ok = doc.apply("julip", "all-orders").validated("doc.json");
        assertEquals(org.burgers.simulation.training.RattledSet.Distribution.JULIP, ok.training().distribution());
        assertEquals(org.burgers.fitting.loss.ElasticObservation.Shifts.ALL_ORDERS, ok.elasticShiftRows());
        org.burgers.core.InputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.burgers.core.InputException.class, () -> doc.apply("uniform", null).validated("doc.json"));
        assertEquals("doc.json: rattle distribution 'uniform': expected gaussian, julip", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(org.burgers.core.InputException.class,
                () -> doc.apply(null, "third").validated("doc.json"));
        assertEquals("doc.json: elastic shifts 'third': expected none, second-order, all-orders", e.getMessage());
    }
}
