package org.burgers.analysis.study;

import java.util.List;
import org.burgers.core.InputException;
import org.burgers.core.potential.Potential;
import org.burgers.core.stencil.Stencil;
import org.burgers.simulation.dislocation.DislocationConfiguration;
import org.burgers.simulation.dislocation.DislocationSystem;
import org.burgers.simulation.dislocation.Dislocations;

/**
 * The configurations of the W loop study (paper section 4.3), at the reference's lattice constant and with
 * its elastic constants: the simulation domain holds an entire loop of diameter L_D = L, and the training
 * domains of size L hold a screw dipole and an edge dipole of the loop's Burgers vector 1/2[111].
 *
 * <ul>
 * <li>simulation configuration for training size L: the prismatic 1/2[111] vacancy loop on (111) of diameter
 * L r0 in the cell of about N r0 along each axis ({@code Dislocations.prismaticLoop}; the glide loop
 * collapses at every affordable size, docs/dislocations.md). It depends on L, so the study relaxes it once
 * per L.</li>
 * <li>training cells of size L: the w-screw dipole and the w-edge dipole (1/2[111](-1,1,0), line [-1,-1,2],
 * diagonal arrangement). The prismatic loop is pure edge, its segments along &lt;112&gt; are this edge
 * dislocation; the screw dipole is the paper's choice (screw and edge, "the two extreme characters").</li>
 * <li>stencil of the geometry error: the nearest-neighbour sets of the bcc lattice (first and second shells,
 * the Voronoi neighbours of the perfect lattice) restricted to the sites present. The Voronoi cells of the
 * defective site set next to the removed disc reach across it (Stencil.voronoi ran over 2 min on 8,200 sites);
 * with the bcc shells every kept site keeps exactly its lattice neighbours.</li>
 * </ul>
 */
public final class LoopConfigurationFactory implements ConfigurationFactory {
    private final ReferenceElasticity elasticity;

    public LoopConfigurationFactory(Potential reference) {
        this.elasticity = new ReferenceElasticity(reference, DislocationSystem.W_LOOP);
    }

    @Override
    public double a0() {
        return elasticity.a0();
    }

    /** The screw dipole of size L (the first training cell). */
    @Override
    public DislocationConfiguration dipole(double size) {
        return elasticity.dipole(DislocationSystem.W_SCREW, size);
    }

    @Override
    public DislocationConfiguration quadrupole(double size) {
        throw new InputException("system w-loop has no quadrupole: its simulation configuration is a prismatic loop "
                + "of diameter L in the cell N, one per training size");
    }

    @Override
    public List<DislocationConfiguration> trainingCells(double size) {
        return List.of(elasticity.dipole(DislocationSystem.W_SCREW, size), elasticity.dipole(DislocationSystem.W_EDGE, size));
    }

    @Override
    public boolean simulationFollowsTrainingSize() {
        return true;
    }

    /** Cutoff between the second (a) and third (a sqrt(2)) neighbour shells of bcc, in units of a. */
    static final double SHELL_CUTOFF = (1 + Math.sqrt(2)) / 2;

    @Override
    public Stencil stencil(DislocationConfiguration simulation) {
        return Stencil.withinCutoff(DislocationErrors.referenceLattice(simulation), SHELL_CUTOFF * simulation.a0());
    }

    @Override
    public DislocationConfiguration simulation(double simulationSize, double trainingSize) {
        return Dislocations.prismaticLoop(DislocationSystem.W_LOOP, simulationSize, trainingSize, elasticity.constants());
    }
}
