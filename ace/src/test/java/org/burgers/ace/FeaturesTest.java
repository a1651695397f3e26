package org.burgers.ace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.burgers.ace.basis.AceBasis;
import org.burgers.ace.basis.AceSpec;
import org.burgers.ace.basis.SiteKernel;
import org.burgers.core.basis.Features;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.FiniteDifferences;
import org.burgers.core.testing.Fixtures;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

/** Energy, force and virial features: derivatives, symmetries, linear independence. */
class FeaturesTest {
    static final AceBasis W4 = new AceBasis(AceSpec.of(List.of("W"), 4, 8, 5.5, 2.74));
    static final AceBasis WMO = new AceBasis(AceSpec.of(List.of("W", "Mo"), 3, 7, 5.0, Double.NaN));

    static Structure rattledW(long seed) {
        return Fixtures.rattle(Fixtures.bcc("W", 3.165, 2), 0.15, seed)
                .deformed(Fixtures.randomStrain(0.03, seed + 1));
    }

    static Structure alloy(long seed) {
        Structure s = rattledW(seed);
        Element[] el = s.elements();
        Random r = new Random(seed);
        for (int i = 0; i < el.length; i++) {
            if (r.nextBoolean()) {
                el[i] = Element.of("Mo");
            }
        }
        return new Structure(s.positions(), el, s.cell());
    }

    @Test
    void forceAndVirialFeaturesAreMinusDerivativesOfEnergyFeatures() {
        checkDerivatives(W4, rattledW(11));
        checkDerivatives(WMO, alloy(12));
        // compressed by 28%: about 100 neighbours within 5 A, beyond the kernel's first buffers (64), which grow
        // between and within sites
        Structure dense = alloy(13).deformed(new double[] {0.72, 0, 0, 0, 0.72, 0, 0, 0, 0.72});
        assertTrue(NeighbourList.full(dense, WMO.cutoff()).end(0) > 64, "the dense cell has > 64 neighbours");
        checkDerivatives(WMO, dense);
    }

    /** The force features do not depend on whether the virial features are asked for too. */
    @Test
    void forceFeaturesWithAndWithoutTheVirialAreTheSame() {
        Structure s = alloy(14);
        Features both = WMO.features(s, true, true);
        Features forces = WMO.features(s, true, false);
        assertEquals(null, forces.virial());
        assertSame(both.forces(), forces.forces(), "forces");
        assertSame(both.energy(), forces.energy(), "energies");
    }

    private static void checkDerivatives(AceBasis b, Structure s) {
        Features f = b.features(s, true, true);
        int k = b.size();
        double h = 1e-5;
        double scale = 0, worst = 0;
        double[] x = s.positions();
        for (int c = 0; c < 3 * Math.min(4, s.size()); c++) {
            double x0 = x[c];
            x[c] = x0 + h;
            double[] ep = b.features(s.withPositions(x), false, false).energy();
            x[c] = x0 - h;
            double[] em = b.features(s.withPositions(x), false, false).energy();
            x[c] = x0;
            for (int col = 0; col < k; col++) {
                double fd = -(ep[col] - em[col]) / (2 * h);
                double an = f.forces()[c * k + col];
                scale = Math.max(scale, Math.abs(an));
                worst = Math.max(worst, Math.abs(fd - an));
            }
        }
        assertTrue(worst < 1e-6 * scale, "force features: worst " + worst + " of scale " + scale);
        double vscale = 0, vworst = 0;
        for (int a = 0; a < 3; a++) {
            for (int bb = 0; bb < 3; bb++) {
                double[] ep = b.features(s.deformed(FiniteDifferences.identityPlus(bb, a, h)), false, false).energy();
                double[] em = b.features(s.deformed(FiniteDifferences.identityPlus(bb, a, -h)), false, false).energy();
                for (int col = 0; col < k; col++) {
                    double fd = -(ep[col] - em[col]) / (2 * h);
                    double an = f.virial(a, bb, col);
                    vscale = Math.max(vscale, Math.abs(an));
                    vworst = Math.max(vworst, Math.abs(fd - an));
                }
            }
        }
        assertTrue(vworst < 1e-6 * vscale, "virial features: worst " + vworst + " of scale " + vscale);
        // forces of each feature sum to zero (translation invariance)
        for (int col = 0; col < k; col++) {
            for (int d = 0; d < 3; d++) {
                double sum = 0;
                for (int i = 0; i < s.size(); i++) {
                    sum += f.force(i, d, col);
                }
                assertEquals(0.0, sum, 1e-9 * Math.max(1, scale));
            }
        }
    }

    @Test
    void everyFeatureIsInvariantUnderRotationReflectionPermutationTranslation() {
        for (AceBasis b : List.of(W4, WMO)) {
            Structure s = b == W4 ? rattledW(21) : alloy(22);
            double[] e0 = b.features(s, false, false).energy();
            double[] q = Fixtures.randomRotation(5);
            assertSame(e0, b.features(s.deformed(q), false, false).energy(), "rotation");
            // reflection: x -> -Qx; the lattice spanned by -a_i is the lattice of a_i, so the cell stays
            double[] x = s.deformed(q).positions();
            for (int i = 0; i < x.length; i++) {
                x[i] = -x[i];
            }
            Structure sq = s.deformed(q);
            assertSame(e0, b.features(new Structure(x, sq.elements(), sq.cell()), false, false).energy(),
                    "reflection");
            int[] perm = new int[s.size()];
            for (int i = 0; i < perm.length; i++) {
                perm[i] = (7 * i + 3) % perm.length;
            }
            assertSame(e0, b.features(s.permuted(perm), false, false).energy(), "permutation");
            double[] y = s.positions();
            for (int i = 0; i < y.length; i += 3) {
                y[i] += 0.37;
                y[i + 1] -= 1.91;
                y[i + 2] += 12.3;
            }
            assertSame(e0, b.features(s.withPositions(y), false, false).energy(), "translation");
            assertSame(e0, b.features(s.withPositions(y).wrapped(), false, false).energy(), "re-wrapping");
        }
    }

    /** Per site, not only summed: every basis function of every environment, rotated + reflected, permuted. */
    @Test
    void everySiteBasisFunctionIsInvariant() {
        AceBasis b = W4;
        Structure s = rattledW(41);
        double[] q = Fixtures.randomRotation(6);
        double[] x = s.deformed(q).positions();
        for (int i = 0; i < x.length; i++) {
            x[i] = -x[i];
        }
        Structure improper = new Structure(x, s.elements(), s.deformed(q).cell());
        int[] perm = new int[s.size()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = (5 * i + 2) % perm.length;
        }
        Structure permuted = s.permuted(perm);
        double[][] e0 = siteRows(b, s), e1 = siteRows(b, improper), e2 = siteRows(b, permuted);
        for (int i = 0; i < s.size(); i++) {
            assertSame(e0[i], e1[i], "improper rotation, site " + i);
        }
        for (int k = 0; k < s.size(); k++) {
            assertSame(e0[perm[k]], e2[k], "permutation, site " + k);
        }
    }

    private static double[][] siteRows(AceBasis b, Structure s) {
        SiteKernel ws = new SiteKernel(b);
        NeighbourList nl = NeighbourList.full(s, b.cutoff());
        int[] z = b.speciesOf(s);
        double[][] out = new double[s.size()][b.size()];
        for (int i = 0; i < s.size(); i++) {
            ws.siteFeatures(i, z, nl, out[i], false, null, null);
        }
        return out;
    }

    private static void assertSame(double[] a, double[] b, String what) {
        for (int k = 0; k < a.length; k++) {
            assertEquals(a[k], b[k], 1e-12 * Math.max(1, Math.abs(a[k])), what + ", feature " + k);
        }
    }

    @Test
    void siteBasisHasFullRankOnRandomEnvironments() {
        for (AceBasis b : List.of(new AceBasis(AceSpec.of(List.of("W"), 3, 10, 5.5, 2.74)), W4, WMO)) {
            int k = b.size();
            int rows = 0;
            DMatrixRMaj x = new DMatrixRMaj(0, k);
            SiteKernel ws = new SiteKernel(b);
            long seed = 100;
            while (rows < 3 * k) {
                Structure s = b == WMO ? alloy(seed) : rattledW(seed);
                // strong random perturbations: environments far from the lattice
                s = Fixtures.rattle(s, 0.35, seed + 7);
                seed++;
                NeighbourList nl = NeighbourList.full(s, b.cutoff());
                int[] z = b.speciesOf(s);
                for (int i = 0; i < s.size(); i++) {
                    double[] e = new double[k];
                    ws.siteFeatures(i, z, nl, e, false, null, null);
                    x.reshape(rows + 1, k, true);
                    for (int c = 0; c < k; c++) {
                        x.set(rows, c, e[c]);
                    }
                    rows++;
                }
            }
            // columns scaled to unit norm, then the smallest singular value of the design matrix
            for (int c = 0; c < k; c++) {
                double n = 0;
                for (int r = 0; r < rows; r++) {
                    n += x.get(r, c) * x.get(r, c);
                }
                n = Math.sqrt(n);
                assertTrue(n > 0, "column " + c + " vanishes on every environment");
                for (int r = 0; r < rows; r++) {
                    x.set(r, c, x.get(r, c) / n);
                }
            }
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, k, false, false, true);
            assertTrue(svd.decompose(x));
            double[] sv = svd.getSingularValues();
            double min = Double.MAX_VALUE, max = 0;
            for (double v : sv) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertEquals(k, SingularOps_DDRM.rank(svd, 1e-9 * max), "rank of " + k + " functions, smallest sv " + min);
            assertTrue(min > 1e-9 * max, "smallest singular value " + min + " / largest " + max);
        }
    }
}
