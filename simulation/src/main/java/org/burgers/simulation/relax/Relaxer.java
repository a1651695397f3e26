package org.burgers.simulation.relax;

import org.burgers.core.potential.Potential;
import org.burgers.core.structure.Structure;

/**
 * Finds a local minimum of a potential's energy: the positions (and, if asked, the cell) at which the
 * largest force component is below {@link RelaxOptions#fmax()}. A relaxation that runs out of budget or
 * cannot make progress returns {@link RelaxResult#converged()} false with its last residual; callers must
 * check it (or call {@link RelaxResult#requireConverged()}).
 */
public interface Relaxer {

    RelaxResult relax(Structure start, Potential potential, RelaxOptions options);

    /** Short name for logs and JSON ("lbfgs", "fire", "precon-lbfgs"). */
    String name();
}
