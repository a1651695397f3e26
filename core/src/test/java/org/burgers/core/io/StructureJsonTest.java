package org.burgers.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.burgers.core.InputException;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.burgers.core.testing.MorseTestPotential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructureJsonTest {
    @TempDir
    Path dir;

    static Structure sample() {
        Structure s = Fixtures.rattle(Fixtures.bcc("W", 3.16, 2), 0.1, 1).deformed(Fixtures.randomStrain(0.05, 2));
        double[] f = new double[3 * s.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = Math.sin(i) / 3;
        }
        return s.withArray("forces", f).withCell(s.cell().withPbc(new boolean[] {true, false, true}));
    }

    @Test
    void structureRoundTripsBitForBit() {
        Structure s = sample();
        Path p = dir.resolve("s.json");
        StructureJson.write(p, s);
        Structure b = StructureJson.read(p);
        assertArrayEquals(s.positionsView(), b.positionsView(), 0);
        assertArrayEquals(s.cell().matrix(), b.cell().matrix(), 0);
        assertArrayEquals(s.cell().pbc(), b.cell().pbc());
        assertArrayEquals(s.symbols(), b.symbols());
        assertArrayEquals(s.array("forces"), b.array("forces"), 0);
        assertEquals(StructureJson.toJson(s), StructureJson.toJson(b));
    }

    /** Records holding core types serialise as they are: an evaluation with its Hessian. */
    record Result(String name, Structure structure, Evaluation evaluation) {
    }

    @Test
    void recordsWithEvaluationsAndHessiansRoundTrip() {
        Structure s = Fixtures.rattle(Fixtures.bcc("W", 3.16, 1), 0.05, 4);
        Evaluation e = new MorseTestPotential(0.8, 1.5, 2.8, 5.2).evaluate(s, Request.WITH_HESSIAN);
        Path p = dir.resolve("r.json");
        StructureJson.write(p, new Result("bcc", s, e));
        Result r = StructureJson.read(p, Result.class);
        assertEquals("bcc", r.name());
        assertEquals(e.energy(), r.evaluation().energy(), 0);
        assertArrayEquals(e.forces(), r.evaluation().forces(), 0);
        assertArrayEquals(e.virial(), r.evaluation().virial(), 0);
        assertArrayEquals(e.siteEnergies(), r.evaluation().siteEnergies(), 0);
        assertArrayEquals(e.hessian().toDense().data, r.evaluation().hessian().toDense().data, 0);
        assertArrayEquals(s.positionsView(), r.structure().positionsView(), 0);
    }

    @Test
    void badInputNamesFileLineAndWhat() throws Exception {
        Path p = dir.resolve("bad.json");
        Files.writeString(p, "{\"cell\": [[3,0,0],[0,3,0],[0,0,3]],\n \"symbols\": [\"W\", \"Xx\"],\n"
                + " \"positions\": [[0,0,0],[1.5,1.5,1.5]]}\n");
        InputException e = assertThrows(InputException.class, () -> StructureJson.read(p));
        assertTrue(e.getMessage().startsWith(p + ":") && e.getMessage().contains("atom 1")
                && e.getMessage().contains("Xx"), e.getMessage());
        Files.writeString(p, "{\"cell\": [[3,0,0],[0,3,0],[0,0,3]],\n \"symbols\": [\"W\"],\n \"positions\": [[0,0,]]}");
        e = assertThrows(InputException.class, () -> StructureJson.read(p));
        assertTrue(e.getMessage().startsWith(p + ":3:"), e.getMessage());
        Files.writeString(p, "{\"cell\": [[3,0,0],[3,0,0],[0,0,3]], \"symbols\": [\"W\"], \"positions\": [[0,0,0]]}");
        e = assertThrows(InputException.class, () -> StructureJson.read(p));
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
        e = assertThrows(InputException.class, () -> StructureJson.read(dir.resolve("missing.json")));
        assertTrue(e.getMessage().startsWith("no such file: "), e.getMessage());
    }
}
