package org.burgers.potentials.sw;

import java.nio.file.Path;
import org.burgers.core.potential.Potential;
import org.burgers.potentials.LammpsOracle;
import org.burgers.potentials.ParameterReader;
import org.burgers.potentials.Structures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stillinger-Weber Si (our Si.sw from the 1985 parameters) against LAMMPS pair_style sw. */
class SwLammpsTest {
    static final Path FILE = Path.of("potentials/src/test/resources/org/burgers/potentials/Si.sw");

    @TempDir
    Path dir;

    @Test
    void siliconDiamond() throws Exception {
        Potential p = SwReader.read(ParameterReader.open(FILE));
        String coeff = "* * " + FILE.toAbsolutePath() + " Si";
        LammpsOracle.assertAgrees(p, Structures.distorted(Structures.diamond("Si", 5.431, 1), 0.1, 0.03, 61), "sw",
                coeff, dir);
        LammpsOracle.assertAgrees(p, Structures.distorted(Structures.diamond("Si", 5.431, 2), 0.2, 0.04, 62), "sw",
                coeff, dir);
    }
}
