package org.burgers.analysis.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.burgers.core.potential.ExternalLoad;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.stencil.Stencil;
import org.burgers.core.structure.Structure;
import org.burgers.simulation.dislocation.DislocationConfiguration;
import org.burgers.simulation.dislocation.DislocationSystem;
import org.burgers.simulation.relax.RelaxMethod;
import org.burgers.simulation.relax.RelaxOptions;
import org.burgers.simulation.relax.Relaxer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The residual split on a W quadrupole, with synthetic "models": the reference under a chosen load, whose
 * residual at the reference equilibrium is that load exactly, so each part's response is known.
 */
class ResidualSplitTest {
    static final double RADIUS = 6.0;
    static Potential w;
    static DislocationConfiguration q;
    static Structure ybar;
    static Stencil stencil;
    static int[] far;
    static final Relaxer RELAXER = RelaxMethod.PRECON_LBFGS.create();
    static final RelaxOptions OPTIONS = RelaxOptions.of(1e-6).withMaxSteps(2000).withMaxForceCalls(4010);

    @BeforeAll
    static void relaxTheReference() {
        w = PotentialSpec.parse("builtin:W");
        q = new PredictorFactory(DislocationSystem.W_SCREW, w).quadrupole(10);
        ybar = RELAXER.relax(q.structure(), w, OPTIONS).requireConverged().structure();
        stencil = DislocationErrors.stencil(q);
        far = DislocationErrors.farFieldSites(q, RADIUS);
    }

    /** A random load of size amp on the near sites (near = true) or on the far ones, with no net force. */
    private static double[] load(boolean near, double amp, long seed) {
        boolean[] isFar = new boolean[ybar.size()];
        for (int i : far) {
            isFar[i] = true;
        }
        Random r = new Random(seed);
        double[] g = new double[3 * ybar.size()];
        for (int i = 0; i < ybar.size(); i++) {
            if (isFar[i] != near) {
                for (int c = 0; c < 3; c++) {
                    g[3 * i + c] = amp * r.nextGaussian();
                }
            }
        }
        // zero net force within the region itself, so the load stays where it was put
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < ybar.size(); i++) {
                if (isFar[i] != near) {
                    sum += g[3 * i + c];
                    n++;
                }
            }
            for (int i = 0; i < ybar.size(); i++) {
                if (isFar[i] != near) {
                    g[3 * i + c] -= sum / n;
                }
            }
        }
        return g;
    }

    private static ResidualSplit split(double[] g) {
        Potential model = new ExternalLoad(w, g, ybar.positions());
        return ResidualSplit.of("x", "cle", 8, Double.NaN, q, ybar, stencil, w, model, RADIUS, RELAXER, OPTIONS, false);
    }

    @Test
    void theReferenceItselfHasNoErrorInEitherPart() {
        ResidualSplit s = split(new double[3 * ybar.size()]);
        assertNull(s.failure());
        assertTrue(s.geometryFull() < 1e-5 && s.geometryNearOnly() < 1e-5 && s.geometryFarOnly() < 1e-5,
                s.toString());
        assertEquals(ybar.size() - far.length, s.nearSites());
    }

    /**
     * A residual only near the cores gives a far-only error of zero (up to the relaxation tolerance) and a
     * near-only error equal to the full one; and the other way round. The residual rms is the load's.
     */
    @Test
    void eachPartRespondsOnlyToItsOwnResidual() {
        double[] near = load(true, 2e-3, 1);
        ResidualSplit a = split(near);
        assertNull(a.failure());
        assertTrue(a.geometryFull() > 1e-3, "the load moves the atoms: " + a.geometryFull());
        assertTrue(a.geometryFarOnly() < 2e-3 * a.geometryFull(), a.toString());
        assertEquals(a.geometryFull(), a.geometryNearOnly(), 2e-3 * a.geometryFull());
        assertTrue(a.residualFar() < 1e-3 * a.residualNear(), a.toString());

        ResidualSplit b = split(load(false, 2e-4, 2));
        assertNull(b.failure());
        assertTrue(b.geometryNearOnly() < 2e-3 * b.geometryFull(), b.toString());
        assertEquals(b.geometryFull(), b.geometryFarOnly(), 2e-3 * b.geometryFull());
    }

    /**
     * Small residuals respond linearly: the full error of the sum of a near and a far load lies between the
     * difference and the sum of the parts' errors (triangle inequality of the stencil norm), and doubling
     * the load doubles every part.
     */
    @Test
    void smallResidualsAddUpLinearly() {
        double[] g = load(true, 1e-3, 3);
        double[] h = load(false, 2e-4, 4);
        double[] sum = new double[g.length], twice = new double[g.length];
        for (int k = 0; k < g.length; k++) {
            sum[k] = g[k] + h[k];
            twice[k] = 2 * sum[k];
        }
        ResidualSplit s = split(sum);
        ResidualSplit t = split(twice);
        assertNull(s.failure());
        double tol = 1e-2 * s.geometryFull();
        assertTrue(s.geometryFull() <= s.geometryNearOnly() + s.geometryFarOnly() + tol, s.toString());
        assertTrue(s.geometryFull() >= Math.abs(s.geometryNearOnly() - s.geometryFarOnly()) - tol, s.toString());
        assertEquals(2 * s.geometryFull(), t.geometryFull(), 2e-2 * t.geometryFull());
        assertEquals(2 * s.geometryNearOnly(), t.geometryNearOnly(), 2e-2 * t.geometryNearOnly());
        assertEquals(2 * s.geometryFarOnly(), t.geometryFarOnly(), 2e-2 * t.geometryFarOnly());
    }

    /**
     * The site-energy errors add up to the difference of the two potentials' energies at ybar, each relative to
     * its own perfect lattice (A.4): a Morse model of W against the EAM.
     */
    @Test
    void siteEnergyErrorsAddUpToTheEnergyDifferenceAtYbar() {
        Potential morse = PotentialSpec.parse("morse:0.9,1.4,2.9,5.0,W");
        double[] de = ResidualSplit.siteEnergyErrors(q, ybar, w, morse);
        double sum = 0;
        for (double v : de) {
            sum += v;
        }
        var crystal = DislocationErrors.crystal(q);
        double direct = DislocationErrors.relativeEnergy(morse, ybar, crystal)
                - DislocationErrors.relativeEnergy(w, ybar, crystal);
        assertTrue(Math.abs(direct) > 1e-2, "the two potentials differ at ybar: " + direct);
        assertEquals(direct, sum, 1e-9 * (1 + Math.abs(direct)));
        assertEquals(0, ResidualSplit.siteEnergyErrors(q, ybar, w, w)[7], 0);
    }
}
