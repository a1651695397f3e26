package org.burgers.potentials;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.burgers.core.InputException;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed and truncated files, missing elements, overlapping atoms: clear errors naming file and line. */
class BadInputTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static String setfl(int nr, String badValue) {
        StringBuilder b = new StringBuilder("c1\nc2\nc3\n1 Cu\n5 0.1 " + nr + " 0.5 2.0\n29 63.546 3.61 fcc\n");
        for (int k = 0; k < 5; k++) {
            b.append(-0.1 * k).append('\n');
        }
        for (int k = 0; k < nr; k++) {
            b.append(k == 2 && badValue != null ? badValue : Double.toString(0.5 - 0.1 * k)).append('\n');
        }
        for (int k = 0; k < nr; k++) {
            b.append(0.1 * k).append('\n');
        }
        return b.toString();
    }

    private static InputException fails(String spec) {
        return assertThrows(InputException.class, () -> PotentialSpec.parse(spec));
    }

    @Test
    void wellFormedSetflIsAccepted() throws IOException {
        Path ok = write("ok.eam.alloy", setfl(5, null));
        Potential p = PotentialSpec.parse("eam/alloy:" + ok);
        assertTrue(p.species().contains("Cu"));
    }

    @Test
    void malformedNumberNamesFileAndLine() throws IOException {
        Path bad = write("bad.eam.alloy", setfl(5, "0.3x"));
        InputException e = fails("eam/alloy:" + bad);
        // header 5 lines, element line 6, F 7-11, rho values from line 12: the third is line 14
        assertTrue(e.getMessage().contains(bad + ":14:"), e.getMessage());
        assertTrue(e.getMessage().contains("0.3x"), e.getMessage());
    }

    @Test
    void truncatedFileIsReported() throws IOException {
        String text = setfl(5, null);
        Path cut = write("cut.eam.alloy", text.substring(0, text.length() - 12));
        InputException e = fails("eam/alloy:" + cut);
        assertTrue(e.getMessage().contains(cut.toString()) && e.getMessage().contains("truncated"), e.getMessage());
        Path fs = write("cut.eam.fs", "a\nb\nc\n2 Ni Al\n5 0.1 5 0.5 2.0\n28 58.69 3.52 fcc\n1\n2\n");
        InputException f = fails("eam/fs:" + fs);
        assertTrue(f.getMessage().contains(fs + ":") && f.getMessage().contains("truncated"), f.getMessage());
    }

    @Test
    void headerErrors() throws IOException {
        Path p = write("hdr.eam.alloy", "c1\nc2\nc3\n2 Ni\n5 0.1 5 0.5 2.0\n");
        InputException e = fails("eam/alloy:" + p);
        assertTrue(e.getMessage().contains(p + ":4:"), e.getMessage());
        Path q = write("grid.eam.alloy", "c1\nc2\nc3\n1 Cu\n5 0.1 5 zero 2.0\n");
        InputException f = fails("eam/alloy:" + q);
        assertTrue(f.getMessage().contains(q + ":5:") && f.getMessage().contains("dr"), f.getMessage());
    }

    @Test
    void tersoffErrors() throws IOException {
        String si = Files.readString(Path.of("../shared/potentials/Si.tersoff.modc"));
        Path bad = write("bad.tersoff.modc", si.replace("614230.04310619", "6l4230"));
        InputException e = fails("tersoff/mod/c:" + bad);
        assertTrue(e.getMessage().contains(bad + ":10:") && e.getMessage().contains("c2"), e.getMessage());
        Path cut = write("cut.tersoff.modc", si.substring(0, si.lastIndexOf("25.20963770")));
        InputException t = fails("tersoff/mod/c:" + cut);
        assertTrue(t.getMessage().contains("truncated") && t.getMessage().contains("line 8"), t.getMessage());
        Path missing = write("two.tersoff.modc", si + si.replace("Si Si Si", "Si Si C").substring(si.indexOf("Si Si Si")));
        InputException m = fails("tersoff/mod/c:" + missing);
        assertTrue(m.getMessage().contains("no entry for the element triplet"), m.getMessage());
    }

    @Test
    void swErrors() throws IOException {
        Path p = write("bad.sw", "Si Si Si 2.1683 2.0951 1.80 21.0 1.20 -0.3333\n 7.05 0.60 4.0 0.0\n");
        InputException e = fails("sw:" + p);
        assertTrue(e.getMessage().contains(p + ":") && e.getMessage().contains("truncated"), e.getMessage());
        Path q = write("neg.sw", "Si Si Si 2.1683 -2.0951 1.80 21.0 1.20 -0.3333 7.05 0.60 4.0 0.0 0.0\n");
        InputException f = fails("sw:" + q);
        assertTrue(f.getMessage().contains(q + ":1:") && f.getMessage().contains("sigma"), f.getMessage());
    }

    @Test
    void elementMissingFromPotential() {
        Potential w = PotentialSpec.parse("builtin:Si");
        Structure s = Structures.diamond("Si", 5.431, 1);
        Element[] el = s.elements();
        el[5] = Element.of("Ge");
        Structure mixed = new Structure(s.positions(), el, s.cell());
        InputException e = assertThrows(InputException.class, () -> w.evaluate(mixed, Request.FORCES));
        assertTrue(e.getMessage().contains("atom 5") && e.getMessage().contains("Ge"), e.getMessage());
    }

    @Test
    void overlappingAtoms() {
        Potential w = PotentialSpec.parse("lj:0.0104,3.4,8.5");
        Structure s = org.burgers.core.testing.Fixtures.fcc("Ar", 5.26, 1);
        double[] x = s.positions();
        x[3] = x[0];
        x[4] = x[1];
        x[5] = x[2];
        InputException e = assertThrows(InputException.class, () -> w.evaluate(s.withPositions(x), Request.FORCES));
        assertTrue(e.getMessage().contains("atoms 0 and 1") || e.getMessage().contains("atoms 1 and 0"), e.getMessage());
    }

    @Test
    void funcflUnknownAtomicNumber() throws IOException {
        Path p = write("x.eam", "comment\n999 1.0 3.0 fcc\n5 0.1 5 0.5 2.0\n");
        InputException e = assertThrows(InputException.class,
                () -> org.burgers.potentials.eam.EamFileReader.funcfl(List.of(ParameterReader.open(p))));
        assertTrue(e.getMessage().contains(p + ":2:"), e.getMessage());
    }
}
