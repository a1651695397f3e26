package org.burgers.core.potential;

import java.util.function.Supplier;

/**
 * The site-parallel evaluation of a potential written as a sum of site energies on a full neighbour list
 * (E = sum_i E_i(environment of i)): the driver owns the partition of the sites, one force and one virial
 * buffer per chunk, and their reduction in chunk order; the potential supplies the kernel of one site on flat
 * arrays. Results are the same bit for bit for any number of threads (see {@link Partition}).
 */
public final class SiteDriver {

    private SiteDriver() {
    }

    /** The work of one site. */
    @FunctionalInterface
    public interface Site {
        /**
         * Returns E_i and, when forces is not null, adds site i's contributions to forces (3 per atom) and to the
         * virial (9, row-major), for instance with {@link #addBond}.
         */
        double energy(int i, double[] forces, double[] virial);
    }

    /**
     * Energy, site energies (kept when asked), forces and virial (when gradients) of n sites. The supplier is
     * called once per chunk, so a kernel may hold scratch arrays of its own without allocating per site.
     */
    public static Evaluation evaluate(Partition part, int n, boolean gradients, boolean keepSiteEnergies,
                                      Supplier<Site> kernels) {
        int chunks = part.chunks();
        double[] site = new double[n];
        double[][] fBuf = gradients ? new double[chunks][3 * n] : null;
        double[][] wBuf = gradients ? new double[chunks][9] : null;
        part.run(c -> {
            Site kernel = kernels.get();
            double[] f = gradients ? fBuf[c] : null;
            double[] w = gradients ? wBuf[c] : null;
            for (int i = part.lo(c, n), hi = part.lo(c + 1, n); i < hi; i++) {
                site[i] = kernel.energy(i, f, w);
            }
        });
        double[] forces = null, virial = null;
        if (gradients) {
            forces = new double[3 * n];
            part.reduce(fBuf, forces);
            virial = new double[9];
            for (double[] wc : wBuf) {
                for (int k = 0; k < 9; k++) {
                    virial[k] += wc[k];
                }
            }
        }
        return new Evaluation(Partition.sum(site), keepSiteEnergies ? site : null, forces, virial, null);
    }

    /**
     * Adds the gradient g = dE/dd of a bond d = r_j - r_i: force -g on j, +g on i, and W -= d (x) g, since
     * W = sum_i r_i (x) f_i (DESIGN.md) and only differences of positions enter E.
     */
    public static void addBond(double[] f, double[] w, int i, int j, double dx, double dy, double dz, double gx,
                               double gy, double gz) {
        f[3 * j] -= gx;
        f[3 * j + 1] -= gy;
        f[3 * j + 2] -= gz;
        f[3 * i] += gx;
        f[3 * i + 1] += gy;
        f[3 * i + 2] += gz;
        w[0] -= dx * gx;
        w[1] -= dx * gy;
        w[2] -= dx * gz;
        w[3] -= dy * gx;
        w[4] -= dy * gy;
        w[5] -= dy * gz;
        w[6] -= dz * gx;
        w[7] -= dz * gy;
        w[8] -= dz * gz;
    }
}
