package org.burgers.analysis.study;

import java.util.List;

/**
 * Study documents small enough for the default test suite: a preset with its sizes overridden (tiny
 * quadrupole, two or three dipole cells, a handful of rattled samples, a small basis). The physics and
 * the pipeline are those of the preset; only the sizes differ.
 */
final class TinyStudies {
    private TinyStudies() {
    }

    /** The preset with N, the L list, N_train/N_test, degree, RMSE degrees replaced. */
    static StudyDocument shrink(String preset, double n, List<Double> ls, int nTrain, int nTest, int degree,
                                List<Integer> rmseDegrees) {
        StudyDocument p = StudyDocument.preset(preset);
        StudyDocument.Training t = new StudyDocument.Training(p.training().alpha(), nTrain, nTest, p.training().seed());
        StudyDocument.Basis b = new StudyDocument.Basis(p.basis().order(), degree, rmseDegrees, p.basis().rcut(),
                p.basis().r0(), null, p.basis().wL());
        return new StudyDocument(p.name() + " (test sizes)", p.system(), p.reference(), n, ls, t, b, p.cases(),
                p.solver(), p.relaxation(), p.elasticUnit()).validated("test");
    }

    /** A preset as it is, but without its RMSE sweep (every other field of the document kept). */
    static StudyDocument withoutSweep(String preset) {
        StudyDocument p = StudyDocument.preset(preset);
        StudyDocument.Basis b = p.basis();
        StudyDocument.Basis noSweep = new StudyDocument.Basis(b.order(), b.degree(), List.of(), b.rcut(), b.r0(),
                b.pairDegree(), b.wL(), b.pairCurvature(), b.pairCurvatureFrom(), b.pairCurvatureTo());
        return new StudyDocument(p.name(), p.system(), p.reference(), p.simulationSize(), p.trainingSizes(),
                p.training(), noSweep, p.cases(), p.solver(), p.relaxation(), p.elasticUnit()).validated("test");
    }

    /**
     * W screw: N = 6 r0, L = 5 and 6 r0 (48 atoms each), degree 6. Not L = 4: that W dipole annihilates when
     * relaxed (PerfectCrystalCheckTest), and the study refuses a training cell without dislocations.
     */
    static StudyDocument wScrew() {
        return shrink("w-screw-quick", 6, List.of(5.0, 6.0), 3, 2, 6, List.of());
    }
}
