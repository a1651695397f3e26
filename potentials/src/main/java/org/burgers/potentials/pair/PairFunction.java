package org.burgers.potentials.pair;

/** A radial pair function phi(r) with its first two derivatives (eV, A). */
public interface PairFunction {
    /** Writes phi(r), phi'(r), phi''(r) into out[0..2]. */
    void eval(double r, double[] out);

    /** A short description for messages, e.g. "lj(epsilon=0.0104, sigma=3.4)". */
    String describe();
}
