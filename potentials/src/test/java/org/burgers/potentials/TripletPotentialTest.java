package org.burgers.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.FiniteDifferences;
import org.junit.jupiter.api.Test;

/** The short neighbour list of the three-body kernels, and the kernels where it has to grow. */
class TripletPotentialTest {

    @Test
    void gatherKeepsTheNeighboursInsideTheCutoffInListOrderAndGrows() {
        int m = 200;   // more than the initial capacity of 64
        double[] v = new double[3 * m];
        int[] nbr = new int[m];
        int[] types = new int[m + 1];
        Random r = new Random(3);
        for (int p = 0; p < m; p++) {
            nbr[p] = 1 + (p * 7) % m;
            types[1 + p] = p % 3;
            for (int a = 0; a < 3; a++) {
                v[3 * p + a] = 4 * (r.nextDouble() - 0.5);
            }
        }
        double cut = 2.5;
        TripletPotential.Neighbourhood nb = new TripletPotential.Neighbourhood();
        nb.gather(0, types, new int[] {0, m}, nbr, v, cut);
        int k = 0;
        for (int p = 0; p < m; p++) {
            double len = Math.sqrt(v[3 * p] * v[3 * p] + v[3 * p + 1] * v[3 * p + 1] + v[3 * p + 2] * v[3 * p + 2]);
            if (len >= cut) {
                continue;
            }
            assertEquals(nbr[p], nb.atoms()[k]);
            assertEquals(types[nbr[p]], nb.types()[k]);
            assertEquals(v[3 * p + 2], nb.bonds()[4 * k + 2], 0);
            assertEquals(len, nb.bonds()[4 * k + 3], 0);
            k++;
        }
        assertEquals(k, nb.count());
        assertTrue(k > 64, "the test must make the arrays grow: " + k);
        nb.gather(0, types, new int[] {0, 3}, nbr, v, cut);   // a later, smaller site reuses the arrays
        assertTrue(nb.count() <= 3);
        assertEquals(0, nb.centre());
    }

    @Test
    void swOnACompressedCellWithMoreNeighboursThanTheInitialCapacity() {
        Potential sw = PotentialSpec.parse("sw:potentials/src/test/resources/org/burgers/potentials/Si.sw");
        // diamond at a = 2.95 A: about 70 neighbours inside a sigma = 3.77 A
        Structure s = Structures.distorted(Structures.diamond("Si", 2.95, 3), 0.03, 0.01, 9);
        NeighbourList full = NeighbourList.full(s, sw.cutoff());
        int most = 0;
        for (int i = 0; i < s.size(); i++) {
            int inside = 0;
            for (int p = full.offsetsView()[i]; p < full.offsetsView()[i + 1]; p++) {
                double[] v = full.vectorsView();
                if (Math.sqrt(v[3 * p] * v[3 * p] + v[3 * p + 1] * v[3 * p + 1] + v[3 * p + 2] * v[3 * p + 2])
                        < sw.cutoff()) {
                    inside++;
                }
            }
            most = Math.max(most, inside);
        }
        assertTrue(most > 64, "neighbours inside the cutoff: " + most);
        Evaluation e = sw.evaluate(s, Request.ALL);
        double fmax = 0;
        for (double f : e.forces()) {
            fmax = Math.max(fmax, Math.abs(f));
        }
        // central differences with h = 1e-5 A on forces of order fmax: relative 1e-7 covers truncation and round-off
        double err = FiniteDifferences.forceError(sw, s, 1e-5, 6);
        assertTrue(err < 1e-7 * Math.max(1, fmax), "force error " + err + " of forces up to " + fmax);
    }
}
