package org.burgers.potentials;

import java.util.List;
import java.util.function.Supplier;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.potential.ElementIndex;
import org.burgers.core.potential.Partition;
import org.burgers.core.potential.SiteDriver;
import org.burgers.core.potential.SitePotential;

/**
 * Base of the three-body potentials read from a LAMMPS triplet parameter file (sw, tersoff/mod/c): the file
 * name, its elements in the file's order, the parameters per ordered element triplet and the {@link Chunks}
 * partition. A subclass writes the energy E_i of one site and its bond gradients on the full list; core's
 * {@link SiteDriver} does the rest.
 *
 * @param <P> the parameters of one element triplet
 */
public abstract class TripletPotential<P extends TripletPotential.Parameters> extends SitePotential {

    /** The parameters of one triplet; cut() is the range of the bond i-j they govern. */
    public interface Parameters {
        double cut();
    }

    private final String source;
    private final List<String> elements;
    protected final int ne;
    protected final P[] params;   // [(i*ne + j)*ne + k]
    private final boolean parallel;

    protected TripletPotential(String source, List<String> elements, P[] params, boolean parallel) {
        super(maxCut(params), new ElementIndex(elements));
        this.source = source;
        this.elements = List.copyOf(elements);
        this.ne = elements.size();
        this.params = params.clone();
        this.parallel = parallel;
    }

    private static double maxCut(Parameters[] params) {
        double c = 0;
        for (Parameters p : params) {
            c = Math.max(c, p.cut());
        }
        return c;
    }

    public String source() {
        return source;
    }

    public List<String> elements() {
        return elements;
    }

    /** The parameters of the element triplet (i, j, k) (indices into the file's element order). */
    public P parameters(int i, int j, int k) {
        return params[(i * ne + j) * ne + k];
    }

    @Override
    protected final Partition partition(int n) {
        return Chunks.partition(parallel, n);
    }

    /**
     * E_i = sum over the bonds i-j within the cutoff of entry (i, j, j), each added by {@link #bond} to the
     * running sum in neighbour order (so the site energy is summed in the same order as one loop would).
     */
    @Override
    protected final Supplier<SiteDriver.Site> kernels(int[] type, NeighbourList nl, boolean gradients) {
        int[] off = nl.offsetsView();
        int[] nbr = nl.neighboursView();
        double[] v = nl.vectorsView();
        double cut = cutoff();
        return () -> {
            Neighbourhood nb = new Neighbourhood();
            return (i, f, w) -> {
                nb.gather(i, type, off, nbr, v, cut);
                int ti = type[i];
                int[] tn = nb.types();
                double[] d = nb.bonds();
                double e = 0;
                for (int a = 0; a < nb.count(); a++) {
                    if (d[4 * a + 3] < params[(ti * ne + tn[a]) * ne + tn[a]].cut()) {
                        e = bond(nb, ti, a, e, f, w);
                    }
                }
                return e;
            };
        };
    }

    /**
     * Returns e plus the energy of the bond from the centre i (of element ti) of nb to its neighbour a, within
     * the cutoff of entry (i, j, j), and adds the bond's gradients to forces f and virial w with
     * {@link SiteDriver#addBond}.
     */
    protected abstract double bond(Neighbourhood nb, int ti, int a, double e, double[] f, double[] w);

    /**
     * The neighbours of one site closer than the potential's cutoff, in list order, with their bond vectors
     * d = r_j - r_i and lengths, gathered once per site (LAMMPS' short neighbour list), so the three-body
     * loops do not take a square root per triplet. One per chunk; its arrays grow (and are then new) only on a
     * site with more neighbours than any before, so kernels read them after each gather.
     */
    public static final class Neighbourhood {
        private final double[] scratch = new double[2];
        private int centre;
        private int count;
        private int[] atom = new int[64];
        private int[] type = new int[64];
        private double[] bond = new double[4 * 64];   // per neighbour: dx, dy, dz, r

        /** Two doubles of scratch for the kernel of this chunk (e.g. b(zeta) and its derivative). */
        public double[] scratch() {
            return scratch;
        }

        /** The site i. */
        public int centre() {
            return centre;
        }

        void gather(int i, int[] types, int[] off, int[] nbr, double[] v, double cut) {
            centre = i;
            count = 0;
            for (int p = off[i]; p < off[i + 1]; p++) {
                double dx = v[3 * p], dy = v[3 * p + 1], dz = v[3 * p + 2];
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (r >= cut) {
                    continue;
                }
                if (count == atom.length) {
                    grow();
                }
                atom[count] = nbr[p];
                type[count] = types[nbr[p]];
                bond[4 * count] = dx;
                bond[4 * count + 1] = dy;
                bond[4 * count + 2] = dz;
                bond[4 * count + 3] = r;
                count++;
            }
        }

        /** Number of neighbours gathered. */
        public int count() {
            return count;
        }

        /** Atom index of each neighbour. */
        public int[] atoms() {
            return atom;
        }

        private void grow() {
            int c = 2 * atom.length;
            atom = java.util.Arrays.copyOf(atom, c);
            type = java.util.Arrays.copyOf(type, c);
            bond = java.util.Arrays.copyOf(bond, 4 * c);
        }

        /** Element index of each neighbour. */
        public int[] types() {
            return type;
        }

        /** Per neighbour a: bond[4a..4a+2] = r_j - r_i, bond[4a+3] = |r_j - r_i|. */
        public double[] bonds() {
            return bond;
        }
    }
}
