package org.burgers.analysis.cli;

import java.util.Set;
import org.burgers.core.InputException;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialProvider;
import org.burgers.core.testing.MorseTestPotential;

/**
 * Test-only scheme {@code morse-test:cu}: core's smooth Morse test potential with the Girifalco-Weber Cu
 * parameters, so the command tests do not depend on the reference-potential files; {@code morse-test:steep}
 * overflows on short bonds (for the numerical-failure path).
 */
public final class MorseTestProvider implements PotentialProvider {
    @Override
    public Set<String> schemes() {
        return Set.of("morse-test");
    }

    @Override
    public Potential create(String scheme, String argument) {
        if (argument.equals("steep")) {
            // a = 500 /A: exp(-2 a (r - r0)) overflows for any bond shorter than r0 - 0.71 A
            return new MorseTestPotential(0.3429, 500, 2.866, 6.0);
        }
        if (!argument.equals("cu")) {
            throw new InputException("morse-test knows only 'cu' and 'steep', got '" + argument + "'");
        }
        return new MorseTestPotential(0.3429, 1.3588, 2.866, 6.0);
    }
}
