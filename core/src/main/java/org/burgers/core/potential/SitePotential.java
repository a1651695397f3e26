package org.burgers.core.potential;

import java.util.function.Supplier;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.structure.Structure;

/**
 * Base of the potentials that are a sum of site energies on a full neighbour list (Stillinger-Weber,
 * tersoff/mod/c, ACE): the list and species checks, the evaluation by {@link SiteDriver} and the Hessian by
 * {@link LocalFiniteDifferenceHessian} live here; a subclass gives its element indices, its partition and the
 * kernel of one site.
 */
public abstract class SitePotential implements Potential {
    private final double cutoff;
    private final ElementIndex elements;

    protected SitePotential(double cutoff, ElementIndex elements) {
        this.cutoff = cutoff;
        this.elements = elements;
    }

    @Override
    public final double cutoff() {
        return cutoff;
    }

    @Override
    public final java.util.Set<String> species() {
        return elements.symbols();
    }

    @Override
    public final boolean wantsHalfList() {
        return false;
    }

    @Override
    public final Evaluation evaluate(Structure s, NeighbourList nl, Request req) {
        checkList(nl);
        int[] type = types(s);
        int n = s.size();
        boolean gradients = gradients(req);
        Evaluation e = SiteDriver.evaluate(partition(n), n, gradients, keepSiteEnergies(req),
                kernels(type, nl, gradients));
        check(e);
        return req.hessian() ? e.withHessian(hessian(s)) : e;
    }

    /** The element index of every atom; an InputException names the first atom not covered. */
    protected int[] types(Structure s) {
        return elements.types(s);
    }

    /** How the n sites are split into chunks and whether the chunks may run in parallel. */
    protected abstract Partition partition(int n);

    /** A fresh kernel (with its own scratch) for one chunk of sites. */
    protected abstract Supplier<SiteDriver.Site> kernels(int[] type, NeighbourList nl, boolean gradients);

    /** Whether forces and virial are computed for this request (by default always). */
    protected boolean gradients(Request req) {
        return true;
    }

    /** Whether the evaluation keeps the site energies (by default when asked). */
    protected boolean keepSiteEnergies(Request req) {
        return req.siteEnergies();
    }

    /** A check of the finished evaluation before the Hessian is computed (by default none). */
    protected void check(Evaluation e) {
    }

    /** The Hessian when asked for (by default local finite differences of the forces). */
    protected BlockHessian hessian(Structure s) {
        return LocalFiniteDifferenceHessian.compute(this, s);
    }
}
