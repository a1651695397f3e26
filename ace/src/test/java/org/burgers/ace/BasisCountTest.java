package org.burgers.ace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.burgers.ace.basis.AceBasis;
import org.burgers.ace.basis.AceSpec;
import org.junit.jupiter.api.Test;

/**
 * Basis sizes against ACEpotentials.jl 0.6 and against counts derived by hand from the selection rule.
 */
class BasisCountTest {

    @Test
    void singleSpeciesOrder3Degree10Has110FunctionsAsInAcePotentials() {
        AceBasis b = new AceBasis(AceSpec.of(List.of("W"), 3, 10, 5.5, 2.74));
        assertEquals(110, b.size());
        // derived by hand: pair n = 1..10; order 2: one invariant per {(n1,l),(n2,l)}, n1 + n2 + 3l <= 10
        // (25 + 12 + 4); order 3: one invariant per triangle-admissible, even-sum l triple (31 + 22 + 6)
        assertEquals(Map.of("pair", 10, "2", 41, "3", 59), b.countsByOrder());
    }

    @Test
    void order2CountsMatchClosedForm() {
        for (int d = 2; d <= 14; d++) {
            AceBasis b = new AceBasis(AceSpec.of(List.of("W"), 2, d, 5.5, 2.74));
            int expected = 0;
            for (int l = 0; 2 + 3 * l <= d; l++) {
                for (int n1 = 1; n1 + n1 + 1.5 * 2 * l <= d; n1++) {
                    for (int n2 = n1; n1 + n2 + 3 * l <= d; n2++) {
                        expected++;
                    }
                }
            }
            assertEquals(expected, b.countsByOrder().get("2"), "degree " + d);
        }
    }
}
