package org.burgers.simulation.dislocation;

import org.burgers.core.InputException;

/** Placeholder until the loop builder lands. */
final class LoopBuilder {
    private LoopBuilder() {
    }

    static DislocationConfiguration loop(DislocationSystem sys, double a0, double[][] c, double size) {
        throw new InputException("w-loop is not built yet");
    }
}
