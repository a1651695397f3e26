package org.burgers.analysis.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.burgers.ace.basis.AceBasis;
import org.burgers.core.basis.Features;
import org.burgers.core.structure.Structure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code burgers ace features}: energy, force and virial features of the first frame of a structure. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "ACE features of a structure; prints {\"energy\": [basis], \"forces\": [natoms][3][basis], "
                + "\"virial\": [3][3][basis]} (forces = -d/dx of the energy features).")
final class AceFeaturesCommand implements Callable<Integer> {
    @Mixin
    AceBasisOptions options;

    @Mixin
    StructureInput structure;

    @Override
    public Integer call() {
        AceBasis b = new AceBasis(options.spec());
        Structure s = structure.structure();
        Features f = b.features(s, true, true);
        int k = f.size();
        double[][][] forces = new double[s.size()][3][k];
        for (int i = 0; i < s.size(); i++) {
            for (int d = 0; d < 3; d++) {
                System.arraycopy(f.forces(), (3 * i + d) * k, forces[i][d], 0, k);
            }
        }
        double[][][] virial = new double[3][3][k];
        for (int a = 0; a < 3; a++) {
            for (int c = 0; c < 3; c++) {
                System.arraycopy(f.virial(), (3 * a + c) * k, virial[a][c], 0, k);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("energy", f.energy());
        out.put("forces", forces);
        out.put("virial", virial);
        System.out.println(Json.write(out));
        return 0;
    }
}
