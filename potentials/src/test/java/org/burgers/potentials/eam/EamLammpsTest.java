package org.burgers.potentials.eam;

import java.nio.file.Path;
import java.util.List;
import org.burgers.core.potential.Potential;
import org.burgers.core.structure.Structure;
import org.burgers.potentials.LammpsOracle;
import org.burgers.potentials.ParameterReader;
import org.burgers.potentials.Structures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EAM against LAMMPS on rattled, strained, triclinic periodic cells, including cells narrower than twice the
 * cutoff: energy per atom within 1e-9 eV, forces within 1e-8 eV/A, virial within 1e-7 eV (issue 3).
 */
class EamLammpsTest {
    @TempDir
    static Path dir;
    static Path wFile;
    static Path niAlFile;

    @BeforeAll
    static void files() throws Exception {
        wFile = LammpsOracle.gunzip("w_eam4.fs.gz", dir);
        niAlFile = LammpsOracle.gunzip("NiAl_Mishin_2002.eam.alloy.gz", dir);
    }

    static void compare(Potential pot, Structure s, String style, String coeff) throws Exception {
        LammpsOracle.assertAgrees(pot, s, style, coeff, dir);
    }

    @Test
    void tungstenFinnisSinclair() throws Exception {
        Potential w = new EamPotential(EamFileReader.finnisSinclair(ParameterReader.open(wFile)));
        String coeff = "* * " + wFile + " W";
        // 2x2x2 cubes: 6.3 A wide, less than twice the 5.5 A cutoff
        compare(w, Structures.distorted(Structures.bccW(2), 0.1, 0.03, 11), "eam/fs", coeff);
        // a skewed primitive cell, compressed so that densities are high
        compare(w, Structures.distorted(Structures.bccPrimitive("W", 3.0, 3), 0.15, 0.05, 12), "eam/fs", coeff);
    }

    @Test
    void nickelAluminiumAlloy() throws Exception {
        Potential p = new EamPotential(EamFileReader.setfl(ParameterReader.open(niAlFile)));
        String coeff = "* * " + niAlFile + " Ni Al";
        compare(p, Structures.distorted(Structures.b2NiAl(2.88, 2), 0.1, 0.03, 21), "eam/alloy", coeff);
        compare(p, Structures.distorted(Structures.b2NiAl(2.88, 3), 0.2, 0.04, 22), "eam/alloy", coeff);
    }

    @Test
    void funcflFromAnalyticFunctions() throws Exception {
        Path f = EamTestFiles.funcfl(dir.resolve("Cu_test.eam"), 29, 63.546);
        Potential p = new EamPotential(EamFileReader.funcfl(List.of(ParameterReader.open(f))));
        Structure fcc = org.burgers.core.testing.Fixtures.fcc("Cu", 3.615, 2);
        compare(p, Structures.distorted(fcc, 0.1, 0.03, 31), "eam", "1 1 " + f);
    }

    @Test
    void twoFuncflFilesOnDifferentGrids() throws Exception {
        // LAMMPS re-grids both files onto the larger spacings with its 4-point Lagrange formula
        Path cu = EamTestFiles.funcfl(dir.resolve("Cu_a.eam"), 29, 63.546, 500, 0.1, 500, 1.0);
        Path ni = EamTestFiles.funcfl(dir.resolve("Ni_b.eam"), 28, 58.6934, 400, 0.13, 350, 1.1);
        Potential p = new EamPotential(EamFileReader.funcfl(List.of(ParameterReader.open(cu), ParameterReader.open(ni))));
        Structure s = org.burgers.core.testing.Fixtures.fcc("Cu", 3.6, 2);
        org.burgers.core.structure.Element[] el = s.elements();
        for (int i = 1; i < el.length; i += 3) {
            el[i] = org.burgers.core.structure.Element.of("Ni");
        }
        s = Structures.distorted(new Structure(s.positions(), el, s.cell()), 0.1, 0.03, 36);
        // atom types in order of appearance: 1 = Cu, 2 = Ni (two pair_coeff lines through the oracle)
        compare(p, s, "eam", "1 1 " + cu + "\npair_coeff 2 2 " + ni);
    }

    @Test
    void densitiesBeyondTheTable() throws Exception {
        // a short F(rho) table (rhomax = 0.038) so that fcc Cu densities (about 0.05) leave it: LAMMPS continues
        // F linearly past rhomax, and for funcfl its grid ends one knot before rhomax
        Path f = EamTestFiles.funcfl(dir.resolve("Cu_short.eam"), 29, 63.546, 20, 0.002);
        EamPotential p = new EamPotential(EamFileReader.funcfl(List.of(ParameterReader.open(f))));
        Structure s = Structures.distorted(org.burgers.core.testing.Fixtures.fcc("Cu", 3.5, 2), 0.1, 0.03, 35);
        double max = java.util.Arrays.stream(p.densities(s)).max().orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(max > p.tables().rhomax(), "densities stay inside the table: " + max);
        compare(p, s, "eam", "1 1 " + f);
    }

    @Test
    void finnisSinclairTwoElementsAsymmetricDensities() throws Exception {
        Path f = EamTestFiles.finnisSinclair(dir.resolve("NiAl_test.eam.fs"));
        Potential p = new EamPotential(EamFileReader.finnisSinclair(ParameterReader.open(f)));
        compare(p, Structures.distorted(Structures.b2NiAl(2.88, 2), 0.15, 0.03, 41), "eam/fs", "* * " + f + " Ni Al");
    }
}
