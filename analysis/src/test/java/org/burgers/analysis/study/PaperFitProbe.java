package org.burgers.analysis.study;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.burgers.ace.basis.AceBasis;
import org.burgers.ace.radial.PairBasis;
import org.burgers.core.io.Frame;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.fitting.data.LabelledConfiguration;
import org.burgers.fitting.data.ReferenceEnergies;
import org.burgers.fitting.loss.LossAssembler;
import org.burgers.fitting.loss.LossWeights;
import org.burgers.fitting.model.LinearModel;
import org.burgers.fitting.solve.NormalEquations;
import org.burgers.fitting.solve.Solution;
import org.burgers.fitting.solve.Solver;
import org.burgers.fitting.solve.SolverConfig;
import org.burgers.simulation.dislocation.DislocationConfiguration;
import org.burgers.simulation.relax.RelaxOptions;
import org.burgers.simulation.relax.Relaxer;
import org.burgers.simulation.training.RattledSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Diagnosis probe (run by hand: -Pslow -Dtest=PaperFitProbe): the w-screw-paper fit at one L with the study's
 * own pieces (dipole relaxed with the reference, nTrain + nTest rattled samples of the preset's seed, the
 * preset's basis, weights and solver), printing where the test error comes from. Prints, asserts nothing.
 */
@Tag("slow")
class PaperFitProbe {

    @Test
    void probe() {
        double l = Double.parseDouble(System.getProperty("probe.L", "10"));
        StudyDocument doc = StudyDocument.preset("w-screw-paper");
        Injector inj = Guice.createInjector(new StudyModule(doc));
        Potential ref = inj.getInstance(Key.get(Potential.class, Names.named("reference")));
        ConfigurationFactory cf = inj.getInstance(ConfigurationFactory.class);
        Relaxer relaxer = inj.getInstance(Relaxer.class);
        BasisFactory bases = inj.getInstance(BasisFactory.class);
        ReferenceCache cache = new ReferenceCache(Path.of("analysis/target/paperfit-cache"));   // repo-relative, like every test path
        DislocationConfiguration dip = cf.dipole(l);
        StudyDocument.Relaxation rx = doc.relaxation();
        RelaxOptions opt = RelaxOptions.of(rx.fmax()).withMaxSteps(rx.maxSteps()).withMaxForceCalls(2 * rx.maxSteps() + 10);
        ReferenceCache.Relaxation r = cache.relaxation("dipole-L" + l, "probe-dipole-" + l,
                () -> relaxer.relax(dip.structure(), ref, opt));
        System.out.printf("dipole L=%g: %d atoms, converged %s, fmax %.2e%n", l, r.structure().size(), r.converged(), r.fmax());
        Structure relaxed = r.structure().withoutArrays();
        StudyDocument.Training t = doc.training();
        List<LabelledConfiguration> train = cache.labelled("train-L" + l, "probe-train-" + l,
                () -> label(ref, relaxed, t.alpha(), t.seed(), 0, t.nTrain()));
        List<LabelledConfiguration> test = cache.labelled("test-L" + l, "probe-test-" + l,
                () -> label(ref, relaxed, t.alpha(), t.seed(), t.nTrain(), t.nTest()));
        System.out.printf("relaxed dipole shortest bond %.4f A%n", minBond(relaxed));
        bondHistogram("train", train);
        bondHistogram("test", test);

        int degree = Integer.parseInt(System.getProperty("probe.degree", "14"));
        AceBasis basis = (AceBasis) bases.basis(degree);
        System.out.printf("basis degree %d: %d functions (%s)%n", degree, basis.size(), basis.countsByOrder());
        Map<String, Double> site = DislocationErrors.perfectSiteEnergies(ref, dip.system().crystal(cf.a0()));
        ReferenceEnergies e0 = new ReferenceEnergies(site);
        StudyDocument.Weights w = doc.cases().get("no-elasticity");
        long t0 = System.nanoTime();
        LossAssembler as = new LossAssembler(basis, new LossWeights(w.energy(), w.force(), w.virial(), w.d1V(), w.d2V()),
                e0, Map.of(), 2, LossAssembler.ElasticUnit.GPA);
        NormalEquations ne = as.assemble(train, List.of()).system().normalEquations();
        System.out.printf("assembled %d x %d normal equations in %.1f s%n", ne.m(), ne.n(), (System.nanoTime() - t0) * 1e-9);
        LossAssembler plain = new LossAssembler(basis, new LossWeights(1, 1, 0, 0, 0), e0, Map.of(), 2,
                LossAssembler.ElasticUnit.GPA);
        LossAssembler.Assembled trA = plain.assemble(train, List.of());
        LossAssembler.Assembled teA = plain.assemble(test, List.of());
        double[] rough = roughness(basis, Double.parseDouble(System.getProperty("probe.rlo", "1.5")));
        for (String variant : System.getProperty("probe.variants", "ard:0,ard:1e-6,ard:1e-4,ard:1e-2,ard:1").split(",")) {
            String[] v = variant.split(":");
            if (v.length > 2) {
                System.setProperty("probe.rhi", v[2]);
                rough = roughness(basis, Double.parseDouble(System.getProperty("probe.rlo", "1.5")));
            }
            double ws = Double.parseDouble(v[1]);
            int n = ne.n();
            double[] g = ne.g().clone();
            for (int k = 0; k < n * n; k++) {
                g[k] += ws * rough[k];
            }
            NormalEquations ne2 = new NormalEquations(n, ne.m(), g, ne.h(), ne.bb());
            Solver s = SolverConfig.defaults(v[0]).create();
            long ts = System.nanoTime();
            Solution sol = s instanceof org.burgers.fitting.solve.ArdSolver ard ? ard.solve(ne2)
                    : s instanceof org.burgers.fitting.solve.RidgeSolver rs ? rs.solve(ne2, ones(n))
                    : ((org.burgers.fitting.solve.BayesianRidgeSolver) s).solve(ne2);
            double[] c = sol.coefficients();
            System.out.printf("%n== %s (%.1f s): warnings %s, diagnostics %s%n", variant, (System.nanoTime() - ts) * 1e-9,
                    sol.warnings(), filtered(sol.diagnostics()));
            double rq = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    rq += c[i] * rough[i * n + j] * c[j];
                }
            }
            System.out.printf("  int phi''^2 dr over [rlo, rcut] = %.4e (eV/A^2)^2 A%n", rq);
            coefs(basis, c);
            errs("train", trA, train, c, false);
            errs("test", teA, test, c, true);
            pairTable(basis, c, ref);
        }
    }

    /** R_nm = int_rlo^rpc P_n''(r) P_m''(r) dr of the pair functions (other entries zero), trapezoid, FD of P'. */
    static double[] roughness(AceBasis basis, double rlo) {
        double rhi = Double.parseDouble(System.getProperty("probe.rhi", Double.toString(basis.spec().pairRcut())));
        double[] rows = basis.pairCurvatureRows(rlo, rhi, 0.005);
        int n = basis.size();
        int k = rows.length / n;
        double[] g = new double[n * n];
        int np = basis.pairColumns();
        for (int q = 0; q < k; q++) {
            for (int a = 0; a < np; a++) {
                double va = rows[q * n + a];
                for (int b = 0; b < np; b++) {
                    g[a * n + b] += va * rows[q * n + b];
                }
            }
        }
        return g;
    }

    static void coefs(AceBasis basis, double[] c) {
        int np = basis.pairColumns();
        double pairMax = 0, mbMax = 0;
        int pairNz = 0, mbNz = 0;
        for (int k = 0; k < c.length; k++) {
            if (k < np) {
                pairMax = Math.max(pairMax, Math.abs(c[k]));
                pairNz += c[k] != 0 ? 1 : 0;
            } else {
                mbMax = Math.max(mbMax, Math.abs(c[k]));
                mbNz += c[k] != 0 ? 1 : 0;
            }
        }
        System.out.printf("  coefficients: pair %d nonzero of %d, max |c| %.3e; many-body %d nonzero, max |c| %.3e%n",
                pairNz, np, pairMax, mbNz, mbMax);
    }

    /** Force and energy RMSE from the unweighted design (rows: E/N, then 3N forces per configuration). */
    static void errs(String name, LossAssembler.Assembled as, List<LabelledConfiguration> data, double[] c, boolean print) {
        org.nd4j.linalg.api.ndarray.INDArray a = as.system().design();
        org.nd4j.linalg.api.ndarray.INDArray x = org.nd4j.linalg.factory.Nd4j.create(c, new long[]{c.length, 1}, 'c')
                .castTo(a.dataType());
        double[] pred = a.mmul(x).toDoubleVector();
        double[] b = as.system().target().toDoubleVector();
        int[] st = as.configRowStart();
        double sf = 0, se = 0;
        int comps = 0;
        int nc = data.size();
        double[] fr = new double[nc], mb = new double[nc], de = new double[nc];
        for (int k = 0; k < nc; k++) {
            de[k] = pred[st[k]] - b[st[k]];
            se += de[k] * de[k];
            double s = 0;
            for (int q = st[k] + 1; q < st[k + 1]; q++) {
                s += (pred[q] - b[q]) * (pred[q] - b[q]);
            }
            sf += s;
            comps += st[k + 1] - st[k] - 1;
            fr[k] = Math.sqrt(s / (st[k + 1] - st[k] - 1));
        }
        System.out.printf("  %s: force RMSE %.2f meV/A, energy RMSE %.3f meV/atom%n", name, 1000 * Math.sqrt(sf / comps),
                1000 * Math.sqrt(se / nc));
        if (print) {
            Integer[] order = new Integer[nc];
            for (int k = 0; k < nc; k++) {
                order[k] = k;
                mb[k] = minBond(data.get(k).structure());
            }
            java.util.Arrays.sort(order, (p, q) -> Double.compare(fr[q], fr[p]));
            for (int j = 0; j < 4; j++) {
                int k = order[j];
                System.out.printf("    worst %s config %d: force RMSE %.2f meV/A, dE %.3f meV/atom, shortest bond %.4f A%n",
                        name, k, 1000 * fr[k], 1000 * de[k], mb[k]);
            }
        }
    }

    static void pairTable(AceBasis basis, double[] c, Potential ref) {
        var sp = basis.spec();
        PairBasis pb = new PairBasis((int) Math.floor(sp.pairDegree() + 1e-9), sp.r0(), sp.pairRcut());
        double[] pc = basis.contractPair(0, c);
        double[] out = new double[2], scr = new double[2];
        StringBuilder sb = new StringBuilder("  pair phi (phi') of the model:");
        for (double rr : new double[]{1.8, 1.9, 2.0, 2.1, 2.15, 2.2, 2.3, 2.5, 2.7}) {
            pb.contract(rr, pc, 0, out, scr);
            sb.append(String.format(Locale.ROOT, " %.2f: %.3g (%.3g);", rr, out[0], out[1]));
        }
        System.out.println(sb);
    }

    static double[] ones(int n) {
        double[] o = new double[n];
        java.util.Arrays.fill(o, 1);
        return o;
    }

    static Map<String, Object> filtered(Map<String, Object> d) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(d);
        out.remove("lambda");
        return out;
    }

    static void report(AceBasis basis, double[] c, ReferenceEnergies e0, List<LabelledConfiguration> train,
                       List<LabelledConfiguration> test, Potential ref) {
        LinearModel model = new LinearModel(basis, c, e0);
        coefs(basis, c);
        double[] trs = perConfig("train", model, train, false);
        double[] tes = perConfig("test", model, test, true);
        System.out.printf("force RMSE train %.2f meV/A, test %.2f meV/A; energy RMSE train %.3f, test %.3f meV/atom%n",
                trs[0], tes[0], trs[1], tes[1]);
        // the model's pair function and the dimer curve against the reference
        var sp = basis.spec();
        PairBasis pb = new PairBasis((int) Math.floor(sp.pairDegree() + 1e-9), sp.r0(), sp.pairRcut());
        double[] pc = basis.contractPair(0, c);
        double[] out = new double[2], scr = new double[2];
        System.out.println("   r    phi_pair(r)  phi'(r)   dimer E model   dimer E ref");
        for (double rr = 1.6; rr <= 3.01; rr += 0.05) {
            pb.contract(rr, pc, 0, out, scr);
            System.out.printf(Locale.ROOT, "  %.2f  %11.4e %11.4e %12.5f %12.5f%n", rr, out[0], out[1], dimer(model, rr),
                    dimer(ref, rr));
        }
    }

    static double dimer(Potential p, double r) {
        double[] pos = {0, 0, 0, r, 0, 0};
        Structure s = Structure.of(pos, "W", org.burgers.core.structure.Cell.orthorhombic(30, 30, 30));
        return p.energy(s);
    }

    /** {force RMSE, energy RMSE} over the set; prints the worst configurations with their shortest bond. */
    static double[] perConfig(String name, Potential model, List<LabelledConfiguration> data, boolean print) {
        int n = data.size();
        double[] rmse = new double[n];
        double[] de = new double[n];
        double[] mb = new double[n];
        java.util.stream.IntStream.range(0, n).parallel().forEach(k -> {
            LabelledConfiguration c = data.get(k);
            Evaluation e = model.evaluate(c.structure(), Request.FORCES);
            double s = 0;
            for (int i = 0; i < c.forces().length; i++) {
                double d = e.forces()[i] - c.forces()[i];
                s += d * d;
            }
            rmse[k] = s;
            de[k] = (e.energy() - c.energy()) / c.atoms();
            mb[k] = minBond(c.structure());
        });
        double sf = 0, se = 0;
        int comps = 0;
        for (int k = 0; k < n; k++) {
            sf += rmse[k];
            comps += data.get(k).forces().length;
            se += de[k] * de[k];
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(rmse[b], rmse[a]));
        if (print) {
            for (int j = 0; j < Math.min(8, n); j++) {
                int k = order[j];
                System.out.printf("  %s config %d: force RMSE %.2f meV/A, dE %.3f meV/atom, shortest bond %.4f A%n", name, k,
                        1000 * Math.sqrt(rmse[k] / data.get(k).forces().length), 1000 * de[k], mb[k]);
            }
        }
        return new double[]{1000 * Math.sqrt(sf / comps), 1000 * Math.sqrt(se / n)};
    }

    static double minBond(Structure s) {
        NeighbourList nl = NeighbourList.half(s, 3.0);
        double m = Double.POSITIVE_INFINITY;
        for (int p = 0; p < nl.pairs(); p++) {
            m = Math.min(m, Math.sqrt(nl.dx(p) * nl.dx(p) + nl.dy(p) * nl.dy(p) + nl.dz(p) * nl.dz(p)));
        }
        return m;
    }

    static void bondHistogram(String name, List<LabelledConfiguration> data) {
        double[] edges = {1.9, 2.0, 2.1, 2.2, 2.25, 2.3, 2.4};
        int[] counts = new int[edges.length];
        double min = Double.POSITIVE_INFINITY;
        for (LabelledConfiguration c : data) {
            NeighbourList nl = NeighbourList.half(c.structure(), 2.4);
            for (int p = 0; p < nl.pairs(); p++) {
                double r = Math.sqrt(nl.dx(p) * nl.dx(p) + nl.dy(p) * nl.dy(p) + nl.dz(p) * nl.dz(p));
                min = Math.min(min, r);
                for (int e = 0; e < edges.length; e++) {
                    if (r < edges[e]) {
                        counts[e]++;
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int e = 0; e < edges.length; e++) {
            sb.append(String.format(Locale.ROOT, " <%.2f:%d", edges[e], counts[e]));
        }
        System.out.printf("%s: %d configs, shortest bond %.4f A, bonds%s%n", name, data.size(), min, sb);
    }

    static List<Frame> label(Potential ref, Structure relaxed, double alpha, long seed, int first, int count) {
        Frame[] frames = new Frame[count];
        java.util.stream.IntStream.range(0, count).parallel().forEach(k -> {
            Structure s = RattledSet.rattle(relaxed, alpha, seed, first + k);
            Evaluation e = ref.evaluate(s, Request.FORCES);
            frames[k] = Frame.labelled(s, e.energy(), e.forces(), e.virial()).withInfo("config_type", "dipole");
        });
        return new ArrayList<>(List.of(frames));
    }
}
