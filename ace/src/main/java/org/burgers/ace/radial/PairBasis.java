package org.burgers.ace.radial;

/**
 * Pair (two-body) radial functions of ACEpotentials.jl 0.6: orthonormal Legendre polynomials
 * {@code P_(n-1)(y)}, n = 1..nmax, of the Agnesi (p = 1, q = 3) transform y(r), times the envelope
 * {@code e(r) = (r/r0)^-2 - (rc/r0)^-2 + 2 (rc/r0)^-3 (r - rc)/r0}, which vanishes at rc with its first
 * derivative and is repulsive towards r = 0 (the ":r, 2" pair envelope of ACEpotentials.jl).
 */
public final class PairBasis {
    private final int nmax;
    private final double r0;
    private final double rcut;
    private final AgnesiTransform transform;
    private final OrthonormalJacobi polys;

    public PairBasis(int nmax, double r0, double rcut) {
        this.nmax = nmax;
        this.r0 = r0;
        this.rcut = rcut;
        this.transform = AgnesiTransform.of(1, 3, r0, rcut);
        this.polys = new OrthonormalJacobi(nmax, 0);
    }

    public int size() {
        return nmax;
    }

    public double rcut() {
        return rcut;
    }

    /** P[o+n-1] and dP[o+n-1] = d/dr for n = 1..nmax; zero beyond rcut. {@code scratch} length >= 2. */
    public void evaluate(double r, double[] pv, double[] dpv, int o, double[] scratch) {
        if (r >= rcut) {
            java.util.Arrays.fill(pv, o, o + nmax, 0.0);
            java.util.Arrays.fill(dpv, o, o + nmax, 0.0);
            return;
        }
        transform.y(r, scratch);
        double y = scratch[0], dydr = scratch[1];
        polys.evaluate(y, pv, dpv, o);
        envelope(r, scratch);
        double e = scratch[0], de = scratch[1];
        for (int k = 0; k < nmax; k++) {
            double pk = pv[o + k];
            pv[o + k] = e * pk;
            dpv[o + k] = de * pk + e * dpv[o + k] * dydr;
        }
    }

    /**
     * The contracted pair function {@code phi(r) = sum_n c[o + n - 1] P_n(r)} and d phi/dr, without
     * evaluating the functions one by one (Clenshaw; {@link OrthonormalJacobi#contract}): out[0] = phi,
     * out[1] = phi'. {@code scratch} length >= 2.
     */
    public void contract(double r, double[] c, int o, double[] out, double[] scratch) {
        if (r >= rcut) {
            out[0] = 0;
            out[1] = 0;
            return;
        }
        transform.y(r, scratch);
        double y = scratch[0], dydr = scratch[1];
        polys.contract(y, c, o, out);
        envelope(r, scratch);
        double e = scratch[0], de = scratch[1];
        double sum = out[0];
        out[0] = e * sum;
        out[1] = de * sum + e * out[1] * dydr;
    }

    /** The envelope e(r) and e'(r) into out[0], out[1]. */
    private void envelope(double r, double[] out) {
        double s = r / r0, sc = rcut / r0;
        out[0] = 1 / (s * s) - 1 / (sc * sc) + 2 / (sc * sc * sc) * (s - sc);
        out[1] = (-2 / (s * s * s) + 2 / (sc * sc * sc)) / r0;
    }
}
