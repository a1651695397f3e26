package org.burgers.potentials.tersoff;

import java.nio.file.Path;
import org.burgers.core.potential.Potential;
import org.burgers.potentials.ParameterReader;
import org.burgers.potentials.Structures;
import org.burgers.potentials.LammpsOracle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/** Pun-Mishin Si (tersoff/mod/c) against LAMMPS on rattled, strained, small periodic cells. */
class TersoffModCLammpsTest {
    static final Path FILE = Path.of("../shared/potentials/Si.tersoff.modc");

    @TempDir
    Path dir;

    @Test
    void siliconDiamond() throws Exception {
        Potential p = TersoffModCReader.read(ParameterReader.open(FILE));
        String coeff = "* * " + FILE.toAbsolutePath() + " Si";
        // one cubic cell (5.43 A < 2 x 3.2 A cutoff)
        LammpsOracle.assertAgrees(p, Structures.distorted(Structures.diamond("Si", 5.431, 1), 0.1, 0.03, 51),
                "tersoff/mod/c", coeff, dir);
        LammpsOracle.assertAgrees(p, Structures.distorted(Structures.diamond("Si", 5.431, 2), 0.2, 0.04, 52),
                "tersoff/mod/c", coeff, dir);
    }
}
