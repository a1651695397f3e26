package org.burgers.analysis.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RateTest {

    @Test
    void studentQuantilesMatchTables() {
        // two-sided 95% critical values, standard tables
        assertEquals(12.706, StudentT.quantile(0.975, 1), 1e-3);
        assertEquals(4.303, StudentT.quantile(0.975, 2), 1e-3);
        assertEquals(2.571, StudentT.quantile(0.975, 5), 1e-3);
        assertEquals(2.042, StudentT.quantile(0.975, 30), 1e-3);
        assertEquals(0.5, StudentT.cdf(0, 7), 1e-14);
    }

    @Test
    void exactPowerLawGivesItsExponentWithZeroWidth() {
        double[] x = {4, 6, 8, 12, 16};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 3.0 * Math.pow(x[i], -2);
        }
        Rate r = Rate.fit(x, y);
        assertEquals(-2, r.slope(), 1e-12);
        assertEquals(Math.log(3), r.intercept(), 1e-12);
        assertEquals(0, r.ciHigh() - r.ciLow(), 1e-9);
    }

    @Test
    void intervalCoversTheTrueSlopeAtAbout95Percent() {
        Random rnd = new Random(11);
        int covered = 0, trials = 2000;
        double[] x = {2, 3, 5, 8, 13, 21};
        for (int t = 0; t < trials; t++) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = Math.exp(1 - 1.0 * Math.log(x[i]) + 0.2 * rnd.nextGaussian());
            }
            Rate r = Rate.fit(x, y);
            if (r.ciLow() <= -1 && -1 <= r.ciHigh()) {
                covered++;
            }
        }
        double frac = covered / (double) trials;
        assertTrue(frac > 0.93 && frac < 0.97, "coverage " + frac);
    }

    @Test
    void nonPositiveValuesAreSkipped() {
        Rate r = Rate.fit(new double[] {1, 2, 4, 8}, new double[] {1, 0, 0.25, -1});
        assertEquals(2, r.points());
        assertEquals(-1, r.slope(), 1e-12);
    }
}
