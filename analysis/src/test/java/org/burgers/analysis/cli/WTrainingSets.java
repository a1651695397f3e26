package org.burgers.analysis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.burgers.core.io.ExtXyz;
import org.burgers.core.io.Frame;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;

/** Rattled bcc W cells (as in 4.1.2: Gaussian noise alpha on every position) labelled by a reference potential. */
final class WTrainingSets {
    private WTrainingSets() {
    }

    static final double A0 = 3.14339; // w_eam4.fs, DESIGN.md s.6

    static List<Frame> rattled(Potential ref, int count, int cells, double alpha, long seed, String type) {
        List<Frame> out = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            // small volumetric spread as well, so the set sees more than one density
            double a = A0 * (1 + 0.005 * ((c % 5) - 2));
            Structure s = Fixtures.rattle(Fixtures.bcc("W", a, cells), alpha, seed + c);
            Evaluation e = ref.evaluate(s, Request.FORCES);
            out.add(Frame.labelled(s, e.energy(), e.forces(), e.virial()).withInfo("config_type", type));
        }
        return out;
    }

    static Path write(Path file, List<Frame> frames) {
        ExtXyz.write(file, frames);
        return file;
    }
}
