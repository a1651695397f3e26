package org.burgers.benchmarks;

import java.lang.management.*;
import java.util.*;
import org.burgers.ace.basis.*;
import org.burgers.ace.model.*;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.*;
/**
 * Thread CPU time per atom of the ACE model on rattled bcc W (128 atoms, rcut 5.5 A), one thread: energy+forces
 * of a contracted potential, features (optional third argument), and the neighbour list as in-run baseline.
 * CPU time is far less sensitive than wall time to other processes on a shared machine. Usage (after
 * {@code benchmarks/run} has built the jars): {@code java -cp ... org.burgers.benchmarks.AceCpuTime ORDER DEGREE [features|PAIR_DEGREE]}.
 */
public final class AceCpuTime {
  public static void main(String[] a) {
    ThreadMXBean tb = ManagementFactory.getThreadMXBean();
    int order = Integer.parseInt(a[0]), deg = Integer.parseInt(a[1]);
    boolean feat = a.length > 2 && a[2].equals("features");
    double pairDeg = a.length > 2 && !feat ? Double.parseDouble(a[2]) : deg;
    int nat = 128; double[] x = new double[3*nat]; Random r = new Random(1); int k=0;
    for (int i=0;i<4;i++) for (int j=0;j<4;j++) for (int l=0;l<4;l++) for (double s=0;s<1;s+=0.5){ x[k++]=(i+s)*3.165+0.05*r.nextGaussian(); x[k++]=(j+s)*3.165+0.05*r.nextGaussian(); x[k++]=(l+s)*3.165+0.05*r.nextGaussian();}
    Element[] el = new Element[nat]; Arrays.fill(el, Element.of("W"));
    Structure st = new Structure(x, el, Cell.orthorhombic(4*3.165,4*3.165,4*3.165));
    AceSpec d = AceSpec.of(List.of("W"), order, deg, 5.5, 2.74);
    AceBasis b = new AceBasis(new AceSpec(d.species(), order, deg, 5.5, 2.74, d.wL(), true, pairDeg, 5.5));
    double[] c = new double[b.size()]; for (int i=0;i<c.length;i++) c[i]=1e-3*r.nextGaussian();
    AcePotential p = new AcePotential(new AceModel(b.spec(), Map.of("W",0.0), c), false);
    NeighbourList nl = NeighbourList.full(st, 5.5);
    double best = 1e99, bestF = 1e99, bestN = 1e99;
    for (int rep=0; rep<12; rep++) {
      long t0 = tb.getCurrentThreadCpuTime(); for (int it=0; it<5; it++) p.evaluate(st, nl, Request.FORCES);
      long t1 = tb.getCurrentThreadCpuTime(); if (feat) b.features(st, nl, true, true);
      long t2 = tb.getCurrentThreadCpuTime(); for (int it=0; it<20; it++) NeighbourList.full(st, 5.5);
      long t3 = tb.getCurrentThreadCpuTime();
      if (rep >= 4) { best = Math.min(best, (t1-t0)/5.0/nat/1e3); bestF = Math.min(bestF, (t2-t1)/1.0/nat/1e3); bestN = Math.min(bestN, (t3-t2)/20.0/nat/1e3); }
    }
    System.out.printf("order %d D %d pair degree %g size %d: energy+forces %.1f us/atom (cpu), features %s, neighbour list %.2f us/atom (cpu)%n", order, deg, pairDeg, b.size(), best, feat ? String.format("%.0f us/atom", bestF) : "-", bestN);
  }
}
