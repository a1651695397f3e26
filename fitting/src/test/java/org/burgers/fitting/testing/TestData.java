package org.burgers.fitting.testing;

import java.util.ArrayList;
import java.util.List;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.burgers.core.testing.MorseTestPotential;
import org.burgers.fitting.data.LabelledConfiguration;

/** Rattled bcc W cells labelled by a reference potential. */
public final class TestData {
    private TestData() {
    }

    public static final double A0 = 3.16;
    /**
     * Cutoff of the test models: between the 3rd (4.47 A) and 4th (5.24 A) bcc shells with room for the
     * +-2% strains of the third-derivative stencil; at 5.5 A the 5th shell (5.47 A) crosses the cutoff under
     * those strains and the (only C^2) cutoff functions spoil d_F^3 W_cb.
     */
    public static final double RC = 5.0;

    public static MorseTestPotential morse() {
        return new MorseTestPotential(0.6, 1.4, 2.75, RC);
    }

    public static List<LabelledConfiguration> rattledBcc(Potential ref, int count, int cells, double sigma, long seed,
            String type) {
        List<LabelledConfiguration> out = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            Structure s = Fixtures.rattle(Fixtures.bcc("W", A0 * (1 + 0.01 * ((c % 5) - 2)), cells), sigma, seed + c);
            Evaluation e = ref.evaluate(s, Request.FORCES);
            out.add(new LabelledConfiguration(type + " " + c, s, e.energy(), e.forces(), e.virial(), type, 1.0));
        }
        return out;
    }
}
