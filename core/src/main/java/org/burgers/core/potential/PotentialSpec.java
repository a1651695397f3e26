package org.burgers.core.potential;

import java.util.ServiceLoader;
import java.util.TreeSet;
import org.burgers.core.InputException;

/** Parses a potential specification {@code scheme:argument} with the providers on the class path. */
public final class PotentialSpec {
    private PotentialSpec() {
    }

    public static Potential parse(String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0) {
            throw new InputException("potential specification '" + spec + "' is not of the form scheme:argument");
        }
        String scheme = spec.substring(0, colon);
        String arg = spec.substring(colon + 1);
        TreeSet<String> known = new TreeSet<>();
        for (PotentialProvider p : ServiceLoader.load(PotentialProvider.class)) {
            if (p.schemes().contains(scheme)) {
                return p.create(scheme, arg);
            }
            known.addAll(p.schemes());
        }
        throw new InputException("unknown potential scheme '" + scheme + "' in '" + spec + "' (known: " + known + ")");
    }
}
