package org.burgers.ace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.burgers.ace.basis.AceBasis;
import org.burgers.ace.basis.AceSpec;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.structure.Structure;
import org.burgers.potentials.eam.EamPotential;
import org.burgers.potentials.eam.EamTables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Why ACE fits of the built-in W EAM (Marinica et al. 2013, EAM4) plateaued at ~430 meV/A whatever the degree
 * and order (docs/ace-accuracy.md): its pair function phi(r) is a cubic spline with knots 0.065 A apart at
 * 2.565, 2.630 and 2.695 A, inside the first-neighbour shell of rattled bcc W (2.74 +- 0.17 A). phi'' rises from
 * ~10 to 44 eV/A^2 and falls back within 0.13 A, a feature that a pair basis of degree D = 10..22 (the
 * ACEpotentials.jl default: pair degree = D) cannot resolve. The embedding part is not the limit: with phi
 * removed the same many-body basis fits to a few per cent of that error.
 */
class PairResolutionTest {

    static double phi(EamTables t, double r) {
        int k = (int) Math.round(r / t.dr());
        return t.z2r()[0][0][k] / (k * t.dr());
    }

    /** Second derivative by central differences on a 0.005 A stencil (100 table steps, well above the table noise). */
    static double phi2(EamTables t, double r) {
        double h = 0.005;
        return (phi(t, r + h) - 2 * phi(t, r) + phi(t, r - h)) / (h * h);
    }

    @Test
    void thePairFunctionOfTheTungstenEamHasANarrowSplineFeatureInTheFirstShell() {
        EamTables t = ((EamPotential) PotentialSpec.parse("builtin:W")).tables();
        double left = phi2(t, 2.560), peak = phi2(t, 2.630), right = phi2(t, 2.700);
        String msg = String.format("phi'' at 2.560, 2.630, 2.700 A: %.2f %.2f %.2f eV/A^2", left, peak, right);
        assertTrue(peak > 40 && left < 12 && right < 12, msg);
        // the change of phi' across the feature, beyond what the flanks' curvature gives: ~2.3 eV/A within 0.13 A
        double h = 0.005;
        double d1l = (phi(t, 2.560 + h) - phi(t, 2.560 - h)) / (2 * h);
        double d1r = (phi(t, 2.700 + h) - phi(t, 2.700 - h)) / (2 * h);
        double excess = (d1r - d1l) - 0.14 * 0.5 * (left + right);
        assertTrue(excess > 2.0, String.format("excess change of phi' %.2f eV/A; %s", excess, msg));
    }

    static AceBasis basis(int degree, int pairDegree) {
        return new AceBasis(new AceSpec(List.of("W"), 3, degree, 5.5, 2.7411, AceSpec.DEFAULT_WL, true, pairDegree, 5.5));
    }

    /** ConvergenceTest's data (16-atom cells, strain 0.02, rattle 0.12 A): 429 meV/A with pair degree 10, 24 with 80. */
    @Test
    void raisingThePairDegreeAloneRemovesThePlateau() {
        List<Structure> train = ConvergenceTest.configurations(30, 1000);
        List<Structure> test = ConvergenceTest.configurations(10, 5000);
        Potential w = PotentialSpec.parse("builtin:W");
        double[] low = ConvergenceTest.fitAndTest(basis(10, 10), w, train, test);
        double[] high = ConvergenceTest.fitAndTest(basis(10, 80), w, train, test);
        String msg = String.format("ACE(3,10) test force RMSE: pair degree 10 %.1f meV/A, 80 %.1f meV/A",
                1e3 * low[1], 1e3 * high[1]);
        System.out.println(msg);
        assertTrue(low[1] > 0.3, msg);
        assertTrue(high[1] < 0.05, msg);
        assertTrue(high[0] < 0.25 * low[0], msg);
    }

    /** The many-body (embedding) part alone: the W EAM with phi = 0 fits to well under 50 meV/A at pair degree 10. */
    @Test
    @Tag("slow")
    void withoutItsPairFunctionTheTungstenEamFitsWithTheDefaultPairDegree() {
        EamTables t = ((EamPotential) PotentialSpec.parse("builtin:W")).tables();
        EamTables noPair = new EamTables(t.source() + " without phi", t.elements(), t.nrho(), t.drho(), t.rhomax(),
                t.nr(), t.dr(), t.cutoff(), t.frho(), t.rho(), new double[][][] {{new double[t.nr()]}});
        List<Structure> train = ConvergenceTest.configurations(30, 1000);
        List<Structure> test = ConvergenceTest.configurations(10, 5000);
        double[] err = ConvergenceTest.fitAndTest(basis(10, 10), new EamPotential(noPair), train, test);
        String msg = String.format("embedding part only, ACE(3,10): %.2f meV/atom, %.1f meV/A", 1e3 * err[0],
                1e3 * err[1]);
        System.out.println(msg);
        assertTrue(err[1] < 0.05, msg);
    }
}
