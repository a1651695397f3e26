package org.burgers.core.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.burgers.core.InputException;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.FiniteDifferences;
import org.burgers.core.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** A potential under a constant load: F' = F + g, E' consistent with it, site energies still summing. */
class ExternalLoadTest {

    private static double[] randomLoad(int n, long seed) {
        Random r = new Random(seed);
        double[] g = new double[3 * n];
        for (int k = 0; k < g.length; k++) {
            g[k] = 0.2 * r.nextGaussian();
        }
        return g;
    }

    @Test
    void forcesAreShiftedByTheLoadAndStayDerivativesOfTheEnergy() {
        Potential base = new SiteDriverTest.QuarticPairs(new Partition(5, false));
        Structure s = Fixtures.rattle(Fixtures.bcc("W", 3.16, 3), 0.08, 11);
        Structure origin = Fixtures.rattle(s, 0.05, 3);
        double[] g = randomLoad(s.size(), 5);
        Potential loaded = new ExternalLoad(base, g, origin.positions());
        Evaluation e0 = base.evaluate(s, Request.ALL);
        Evaluation e1 = loaded.evaluate(s, Request.ALL);
        for (int k = 0; k < g.length; k++) {
            assertEquals(e0.forces()[k] + g[k], e1.forces()[k], 1e-12);
        }
        double sum = 0;
        for (double v : e1.siteEnergies()) {
            sum += v;
        }
        assertEquals(e1.energy(), sum, 1e-10);
        // at the origin the load does no work
        assertEquals(base.energy(origin), loaded.energy(origin), 1e-12);
        assertTrue(FiniteDifferences.forceError(loaded, s, 1e-5, s.size()) < 1e-7);
    }

    @Test
    void badLoadsAreRefusedWithTheAtom() {
        Potential base = new SiteDriverTest.QuarticPairs(new Partition(5, false));
        Structure s = Fixtures.bcc("W", 3.16, 2);
        double[] g = new double[3 * s.size()];
        g[3 * 4 + 1] = Double.NaN;
        InputException e = assertThrows(InputException.class, () -> new ExternalLoad(base, g, s.positions()));
        assertTrue(e.getMessage().contains("atom 4"), e.getMessage());
        assertThrows(InputException.class, () -> new ExternalLoad(base, new double[6], s.positions()));
        Potential ok = new ExternalLoad(base, new double[6], new double[6]);
        assertThrows(InputException.class, () -> ok.evaluate(s, Request.FORCES));
    }
}
