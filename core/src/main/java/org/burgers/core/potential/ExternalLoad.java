package org.burgers.core.potential;

import java.util.Set;
import org.burgers.core.InputException;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.structure.Structure;

/**
 * A potential under a constant external load: {@code E'(y) = E(y) - sum_i g_i . (y_i - o_i)}, so
 * {@code F'(y) = F(y) + g}. With {@code g = -F(o)} on a set of atoms, a relaxation under the load starts
 * from {@code o} with those atoms' residual forces cancelled: the response is the one to the remaining
 * residual alone (the linear-response split of a geometry error by where its force residual sits).
 *
 * <p>The load is not a stress: the virial is the base potential's, and the cell must stay fixed.
 * Site energies, when asked, carry each atom's load term so that they still sum to the energy.
 */
public final class ExternalLoad implements Potential {
    private final Potential base;
    private final double[] load;
    private final double[] origin;

    /**
     * @param base   the potential
     * @param load   g, flat 3N (eV/A), finite
     * @param origin o, flat 3N (A): where the load term vanishes
     */
    public ExternalLoad(Potential base, double[] load, double[] origin) {
        if (load.length != origin.length || load.length % 3 != 0) {
            throw new InputException("external load: load has " + load.length + " components, origin "
                    + origin.length + "; both must be 3 x the atom count");
        }
        for (int k = 0; k < load.length; k++) {
            if (!Double.isFinite(load[k]) || !Double.isFinite(origin[k])) {
                throw new InputException("external load: component " + (k % 3) + " of atom " + (k / 3)
                        + " is not finite (load " + load[k] + ", origin " + origin[k] + ")");
            }
        }
        this.base = base;
        this.load = load.clone();
        this.origin = origin.clone();
    }

    @Override
    public double cutoff() {
        return base.cutoff();
    }

    @Override
    public Set<String> species() {
        return base.species();
    }

    @Override
    public boolean wantsHalfList() {
        return base.wantsHalfList();
    }

    @Override
    public Evaluation evaluate(Structure s, NeighbourList list, Request request) {
        if (3 * s.size() != load.length) {
            throw new InputException("external load for " + load.length / 3 + " atoms applied to a structure of "
                    + s.size());
        }
        Evaluation e = base.evaluate(s, list, request);
        double[] x = s.positionsView();
        double work = 0;
        double[] site = e.siteEnergies() == null ? null : e.siteEnergies().clone();
        for (int i = 0; i < s.size(); i++) {
            double w = 0;
            for (int c = 0; c < 3; c++) {
                w += load[3 * i + c] * (x[3 * i + c] - origin[3 * i + c]);
            }
            work += w;
            if (site != null) {
                site[i] -= w;
            }
        }
        double[] f = null;
        if (e.forces() != null) {
            f = e.forces().clone();
            for (int k = 0; k < f.length; k++) {
                f[k] += load[k];
            }
        }
        return new Evaluation(e.energy() - work, site, f, e.virial(), request.hessian() ? e.hessian() : null);
    }
}
