package org.burgers.ace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.burgers.ace.basis.AceBasis;
import org.burgers.ace.basis.AceSpec;
import org.burgers.ace.model.AceModel;
import org.burgers.ace.model.AcePotential;
import org.burgers.core.InputException;
import org.burgers.core.basis.Features;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.FiniteDifferences;
import org.burgers.core.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The linear ACE potential: contraction, derivatives, determinism, model files. */
class AcePotentialTest {
    static final AceBasis BASIS = new AceBasis(AceSpec.of(List.of("W", "Mo"), 3, 8, 5.0, Double.NaN));

    static double[] randomCoefficients(int k, long seed) {
        Random r = new Random(seed);
        double[] c = new double[k];
        for (int i = 0; i < k; i++) {
            c[i] = 0.01 * r.nextGaussian();
        }
        return c;
    }

    static AcePotential potential() {
        return AcePotential.of(BASIS, randomCoefficients(BASIS.size(), 1), Map.of("W", -1.5, "Mo", -0.7));
    }

    @Test
    void contractedPotentialEqualsCoefficientsTimesFeatures() {
        Structure s = FeaturesTest.alloy(31);
        AcePotential p = potential();
        Evaluation e = p.evaluate(s, Request.ALL);
        Features f = BASIS.features(s, true, true);
        double[] c = p.model().coefficients();
        double en = 0;
        for (int i = 0; i < s.size(); i++) {
            en += s.element(i).symbol().equals("W") ? -1.5 : -0.7;
        }
        for (int k = 0; k < c.length; k++) {
            en += c[k] * f.energy()[k];
        }
        assertEquals(en, e.energy(), 1e-11 * Math.abs(en));
        double scale = 0;
        for (double v : e.forces()) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int a = 0; a < 3 * s.size(); a++) {
            double fa = 0;
            for (int k = 0; k < c.length; k++) {
                fa += c[k] * f.forces()[a * c.length + k];
            }
            assertEquals(fa, e.forces()[a], 1e-11 * scale);
        }
        for (int a = 0; a < 9; a++) {
            double wa = 0;
            for (int k = 0; k < c.length; k++) {
                wa += c[k] * f.virial()[a * c.length + k];
            }
            assertEquals(wa, e.virial()[a], 1e-11 * Math.max(1, Math.abs(wa)));
        }
        assertTrue(FiniteDifferences.siteEnergySumError(p, s) < 1e-10);
    }

    @Test
    void forcesVirialHessianAgreeWithFiniteDifferences() {
        Structure s = FeaturesTest.alloy(32);
        AcePotential p = potential();
        double fmax = p.evaluate(s, Request.FORCES).maxForceComponent();
        assertTrue(FiniteDifferences.forceError(p, s, 1e-5, 6) < 1e-7 * Math.max(1, fmax));
        assertTrue(FiniteDifferences.virialError(p, s, 1e-5) < 1e-6);
        Structure small = Fixtures.rattle(Fixtures.bcc("W", 3.165, 2), 0.1, 3);
        assertTrue(FiniteDifferences.hessianError(p, small, 1e-4, 2) < 1e-5);
    }

    @Test
    void parallelAndSerialEvaluationsAgreeBitForBit() {
        Structure s = Fixtures.rattle(Fixtures.bcc("W", 3.165, 5), 0.1, 4);   // 250 atoms: several chunks
        AceModel m = potential().model();
        Evaluation a = new AcePotential(m, true).evaluate(s, Request.ALL);
        Evaluation b = new AcePotential(m, false).evaluate(s, Request.ALL);
        assertEquals(a.energy(), b.energy(), 0.0);
        assertArrayEquals(a.forces(), b.forces(), 0.0);
        assertArrayEquals(a.virial(), b.virial(), 0.0);
    }

    @Test
    void modelFilesRoundTripAndLoadThroughThePotentialSpec(@TempDir Path dir) throws Exception {
        AcePotential p = potential();
        Path file = dir.resolve("model.json");
        p.model().write(file);
        Potential q = PotentialSpec.parse("ace:" + file);
        Structure s = FeaturesTest.alloy(33);
        Evaluation a = p.evaluate(s, Request.FORCES), b = q.evaluate(s, Request.FORCES);
        assertEquals(a.energy(), b.energy(), 0.0);
        assertArrayEquals(a.forces(), b.forces(), 0.0);
        assertTrue(Files.readString(file).contains("\"version\" : 1"));

        String text = Files.readString(file);
        Files.writeString(file, text.replaceFirst("\"coefficients\" : \\[", "\"coefficients\" : [ 1.0,"));
        InputException ex = assertThrows(InputException.class, () -> AceModel.read(file));
        assertTrue(ex.getMessage().contains("coefficients for a basis of"), ex.getMessage());
        Files.writeString(file, text.replace("\"version\" : 1", "\"version\" : 7"));
        ex = assertThrows(InputException.class, () -> AceModel.read(file));
        assertTrue(ex.getMessage().contains("unsupported version 7"), ex.getMessage());
        Files.writeString(file, text.replace("\"rcut\"", "\"rcutoff\""));
        ex = assertThrows(InputException.class, () -> AceModel.read(file));
        assertTrue(ex.getMessage().contains("missing field 'rcut'"), ex.getMessage());
    }

    @Test
    void unknownSpeciesIsAnInputErrorNamingTheAtom() {
        Structure s = Fixtures.bcc("Fe", 2.87, 2);
        InputException ex = assertThrows(InputException.class, () -> potential().evaluate(s, Request.FORCES));
        assertTrue(ex.getMessage().contains("atom 0 is Fe"), ex.getMessage());
    }

    /** Structures above 200 atoms take core's local (cluster) finite-difference Hessian. */
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void hessianOfALargeCellUsesTheLocalClusterHelper() {
        Structure big = Fixtures.rattle(Fixtures.bcc("W", 3.165, 5), 0.1, 8);
        AcePotential p = AcePotential.of(new AceBasis(AceSpec.of(List.of("W"), 2, 6, 4.5, 2.74)),
                randomCoefficients(new AceBasis(AceSpec.of(List.of("W"), 2, 6, 4.5, 2.74)).size(), 9), Map.of("W", 0.0));
        assertTrue(FiniteDifferences.hessianError(p, big, 1e-4, 1) < 1e-5);
    }
}
