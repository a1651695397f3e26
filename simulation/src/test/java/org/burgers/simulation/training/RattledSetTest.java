package org.burgers.simulation.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.burgers.core.InputException;
import org.burgers.core.io.ExtXyz;
import org.burgers.core.io.Frame;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.burgers.core.testing.MorseTestPotential;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RattledSetTest {
    static final MorseTestPotential CU = new MorseTestPotential(0.3429, 1.3588, 2.866, 6.0);

    /**
     * JuLIP's reading (rattle!(at, alpha)): each component uniform in [-alpha/sqrt 3, alpha/sqrt 3], so no atom
     * moves farther than alpha, with standard deviation alpha/3 per component; reproducible; Gaussian by default.
     */
    @Test
    void julipRattleMovesNoAtomFartherThanAlpha() {
        Structure s = Fixtures.fcc("Cu", 3.61, 4);
        double alpha = 0.5, sum2 = 0, far = 0, lim = alpha / Math.sqrt(3);
        int n = 0;
        for (int k = 0; k < 20; k++) {
            double[] x = RattledSet.rattle(s, alpha, 42, k, RattledSet.Distribution.JULIP).positions();
            double[] x0 = s.positions();
            for (int i = 0; i < x.length; i += 3) {
                double d2 = 0;
                for (int a = 0; a < 3; a++) {
                    double d = x[i + a] - x0[i + a];
                    assertTrue(Math.abs(d) <= lim, "component " + d);
                    d2 += d * d;
                    sum2 += d * d;
                    n++;
                }
                far = Math.max(far, Math.sqrt(d2));
            }
        }
        assertTrue(far <= alpha && far > 0.8 * alpha, "largest displacement " + far);
        assertEquals(alpha / 3, Math.sqrt(sum2 / n), 0.02 * alpha / 3);
        assertArrayEquals(RattledSet.rattle(s, alpha, 7, 3, RattledSet.Distribution.JULIP).positions(),
                RattledSet.rattle(s, alpha, 7, 3, RattledSet.Distribution.JULIP).positions());
        assertArrayEquals(RattledSet.rattle(s, alpha, 7, 3).positions(),
                RattledSet.rattle(s, alpha, 7, 3, RattledSet.Distribution.parse(null)).positions());
        assertEquals(RattledSet.Distribution.JULIP, RattledSet.Distribution.parse("JuLIP"));
        assertThrows(InputException.class, () -> RattledSet.Distribution.parse("uniform"));
    }

    @Test
    void noiseHasTheRequestedStatisticsAndIsReproducible() {
        Structure s = Fixtures.fcc("Cu", 3.61, 4);
        double alpha = 0.1;
        double sum = 0, sum2 = 0;
        int n = 0;
        for (int k = 0; k < 20; k++) {
            double[] x = RattledSet.rattle(s, alpha, 42, k).positions();
            double[] x0 = s.positions();
            for (int i = 0; i < x.length; i++) {
                double d = x[i] - x0[i];
                sum += d;
                sum2 += d * d;
                n++;
            }
        }
        double mean = sum / n, sd = Math.sqrt(sum2 / n - mean * mean);
        // 5120 samples: the standard error of the mean is alpha/71 and of the sd about alpha/100
        assertEquals(0, mean, 4 * alpha / Math.sqrt(n));
        assertEquals(alpha, sd, 4 * alpha / Math.sqrt(2.0 * n));
        assertArrayEquals(RattledSet.rattle(s, alpha, 42, 3).positions(), RattledSet.rattle(s, alpha, 42, 3).positions());
        assertTrue(RattledSet.rattle(s, alpha, 42, 3).positions()[0] != RattledSet.rattle(s, alpha, 43, 3).positions()[0]);
        assertTrue(RattledSet.rattle(s, alpha, 42, 3).positions()[0] != RattledSet.rattle(s, alpha, 42, 4).positions()[0]);
    }

    @Test
    void labelsAreThePotentialsAndSurviveAnExtxyzRoundTrip(@TempDir Path dir) throws Exception {
        Structure s = Fixtures.fcc("Cu", 3.61, 2);
        List<Frame> frames = RattledSet.generate(s, CU, 3, 0.05, 7, "bulk");
        assertEquals(3, frames.size());
        List<Frame> prefix = RattledSet.generate(s, CU, 2, 0.05, 7, "bulk");
        assertArrayEquals(frames.get(1).structure().positions(), prefix.get(1).structure().positions());
        Path out = dir.resolve("set.xyz");
        ExtXyz.write(out, frames);
        List<Frame> back = ExtXyz.read(out);
        for (int k = 0; k < 3; k++) {
            Structure t = back.get(k).structure();
            Evaluation e = CU.evaluate(t, Request.FORCES);
            assertEquals(e.energy(), back.get(k).energy(), 1e-9);
            assertArrayEquals(e.forces(), back.get(k).forces(), 1e-9);
            assertArrayEquals(e.virial(), back.get(k).virial(), 1e-9);
            assertEquals("bulk", back.get(k).configType());
        }
        assertTrue(Files.size(out) > 0);
        aseReadsTheLabels(out, back);
    }

    /** ASE (python3-ase of the system python) reads energy, forces and stress = -virial/V of every frame. */
    private static void aseReadsTheLabels(Path file, List<Frame> frames) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "system python with ASE not installed");
        Process p = new ProcessBuilder(python.toString(), "-c", String.join("\n",
                "import sys, json",
                "from ase.io import read",
                "out = []",
                "for a in read(sys.argv[1], ':'):",
                "    out.append([a.get_potential_energy(), a.get_forces().ravel().tolist(),",
                "                (-a.get_stress(voigt=False) * a.get_volume()).ravel().tolist()])",
                "print(json.dumps(out))"), file.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), text);
        JsonNode all = new ObjectMapper().readTree(text);
        assertEquals(frames.size(), all.size());
        for (int k = 0; k < frames.size(); k++) {
            assertEquals(frames.get(k).energy(), all.get(k).get(0).asDouble(), 1e-12);
            double[] f = frames.get(k).forces(), w = frames.get(k).virial();
            for (int i = 0; i < f.length; i++) {
                assertEquals(f[i], all.get(k).get(1).get(i).asDouble(), 1e-12);
            }
            for (int i = 0; i < 9; i++) {
                assertEquals(w[i], all.get(k).get(2).get(i).asDouble(), 1e-9);
            }
        }
    }

    @Test
    void badArgumentsAreInputErrors() {
        Structure s = Fixtures.fcc("Cu", 3.61, 2);
        assertThrows(InputException.class, () -> RattledSet.generate(s, CU, 0, 0.1, 1, null));
        assertThrows(InputException.class, () -> RattledSet.generate(s, CU, 2, -0.1, 1, null));
        InputException e = assertThrows(InputException.class,
                () -> RattledSet.generate(Fixtures.fcc("Au", 4.08, 2), CU, 2, 0.1, 1, null));
        assertTrue(e.getMessage().contains("Au"));
    }
}
