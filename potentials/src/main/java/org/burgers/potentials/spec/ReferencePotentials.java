package org.burgers.potentials.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.burgers.core.InputException;
import org.burgers.core.potential.Potential;
import org.burgers.core.structure.Element;
import org.burgers.potentials.ParameterReader;
import org.burgers.potentials.eam.EamFileReader;
import org.burgers.potentials.eam.EamPotential;
import org.burgers.potentials.pair.LennardJones;
import org.burgers.potentials.pair.Morse;
import org.burgers.potentials.pair.SmoothPairPotential;
import org.burgers.potentials.sw.SwReader;
import org.burgers.potentials.tersoff.TersoffModCReader;

/** Builds the reference potentials from a scheme and its argument (see {@link ReferencePotentialProvider}). */
public final class ReferencePotentials {
    public static final Set<String> SCHEMES = Set.of("builtin", "eam", "eam/alloy", "eam/fs", "tersoff/mod/c", "sw",
            "lj", "morse");

    private ReferencePotentials() {
    }

    public static Potential create(String scheme, String arg) {
        return switch (scheme) {
            case "builtin" -> builtin(Builtin.of(arg));
            case "eam" -> {
                List<ParameterReader> files = new ArrayList<>();
                for (String p : arg.split(",")) {
                    files.add(ParameterReader.open(path(scheme, p)));
                }
                yield new EamPotential(EamFileReader.funcfl(files));
            }
            case "eam/alloy" -> new EamPotential(EamFileReader.setfl(ParameterReader.open(path(scheme, arg))));
            case "eam/fs" -> new EamPotential(EamFileReader.finnisSinclair(ParameterReader.open(path(scheme, arg))));
            case "tersoff/mod/c" -> TersoffModCReader.read(ParameterReader.open(path(scheme, arg)));
            case "sw" -> SwReader.read(ParameterReader.open(path(scheme, arg)));
            case "lj" -> lj(arg);
            case "morse" -> morse(arg);
            default -> throw new InputException("unknown potential scheme '" + scheme + "'");
        };
    }

    public static Potential builtin(Builtin b) {
        ParameterReader in = b.open();
        return switch (b.scheme()) {
            case "eam/fs" -> new EamPotential(EamFileReader.finnisSinclair(in));
            case "eam/alloy" -> new EamPotential(EamFileReader.setfl(in));
            case "tersoff/mod/c" -> TersoffModCReader.read(in);
            default -> throw new IllegalStateException(b.scheme());
        };
    }

    private static Path path(String scheme, String arg) {
        if (arg.isBlank()) {
            throw new InputException("potential specification " + scheme + ": needs a file path, e.g. " + scheme
                    + ":/path/to/file");
        }
        return Path.of(arg.trim());
    }

    /** {@code lj:epsilon,sigma,rcut[,El,...]}. */
    static Potential lj(String arg) {
        String[] a = arg.split(",");
        double[] v = numbers("lj", a, new String[] {"epsilon", "sigma", "rcut"});
        return new SmoothPairPotential(new LennardJones(v[0], v[1]), v[2], elements("lj", a, 3));
    }

    /** {@code morse:D,alpha,r0,rcut[,El,...]}. */
    static Potential morse(String arg) {
        String[] a = arg.split(",");
        double[] v = numbers("morse", a, new String[] {"D", "alpha", "r0", "rcut"});
        return new SmoothPairPotential(new Morse(v[0], v[1], v[2]), v[3], elements("morse", a, 4));
    }

    private static double[] numbers(String scheme, String[] a, String[] names) {
        if (a.length < names.length) {
            throw new InputException("potential specification " + scheme + ": expects " + String.join(",", names)
                    + "[,Element,...], got '" + String.join(",", a) + "'");
        }
        double[] v = new double[names.length];
        for (int k = 0; k < names.length; k++) {
            try {
                v[k] = Double.parseDouble(a[k].trim());
            } catch (NumberFormatException e) {
                throw new InputException("potential specification " + scheme + ": parameter " + names[k]
                        + " is not a number: '" + a[k] + "'");
            }
            if (!(v[k] > 0) || !Double.isFinite(v[k])) {
                throw new InputException("potential specification " + scheme + ": parameter " + names[k]
                        + " must be positive and finite, got " + a[k]);
            }
        }
        return v;
    }

    /** The listed elements, or every element the project knows. */
    private static Set<String> elements(String scheme, String[] a, int from) {
        Set<String> s = new LinkedHashSet<>();
        if (a.length > from) {
            for (String e : Arrays.copyOfRange(a, from, a.length)) {
                if (!Element.isKnown(e.trim())) {
                    throw new InputException("potential specification " + scheme + ": unknown element '" + e + "'");
                }
                s.add(e.trim());
            }
            return s;
        }
        for (int z = 1; ; z++) {
            try {
                s.add(Element.of(z).symbol());
            } catch (InputException end) {
                return s;
            }
        }
    }
}
