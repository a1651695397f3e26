package org.burgers.ace.radial;

/**
 * Many-body radial functions of ACEpotentials.jl 0.6: {@code R_n(r) = (1 + y)^2 (1 - y)^2 P_(n-1)(y)},
 * n = 1..nmax, with y = y(r) the Agnesi (p = 2, q = 4) transform mapped to [-1, 1] and P orthonormal for the
 * weight (1 - y^2)^4, so that the R_n are orthonormal in L2(dy). The envelope (1 - y)^2 makes every R_n
 * vanish with its first derivative at rcut; (1 + y)^2 does the same at r = 0. Zero beyond rcut.
 */
public final class RadialBasis {
    private final int nmax;
    private final AgnesiTransform transform;
    private final OrthonormalJacobi polys;

    public RadialBasis(int nmax, double r0, double rcut) {
        this.nmax = nmax;
        this.transform = AgnesiTransform.of(2, 4, r0, rcut);
        this.polys = new OrthonormalJacobi(nmax, 4);
    }

    public int size() {
        return nmax;
    }

    public double rcut() {
        return transform.rcut();
    }

    /**
     * R[o+n-1] and dR[o+n-1] = dR_n/dr for n = 1..nmax. {@code scratch} has length >= 2 nmax + 2.
     */
    public void evaluate(double r, double[] rv, double[] drv, int o, double[] scratch) {
        if (r >= transform.rcut()) {
            java.util.Arrays.fill(rv, o, o + nmax, 0.0);
            java.util.Arrays.fill(drv, o, o + nmax, 0.0);
            return;
        }
        transform.y(r, scratch);
        double y = scratch[0], dydr = scratch[1];
        polys.evaluate(y, rv, drv, o);
        double e = (1 + y) * (1 + y) * (1 - y) * (1 - y);
        double de = -4 * y * (1 - y * y);   // d/dy (1 - y^2)^2
        for (int k = 0; k < nmax; k++) {
            double pk = rv[o + k];
            rv[o + k] = e * pk;
            drv[o + k] = (de * pk + e * drv[o + k]) * dydr;
        }
    }
}
