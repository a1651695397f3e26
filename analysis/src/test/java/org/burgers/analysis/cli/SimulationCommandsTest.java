package org.burgers.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.burgers.core.io.ExtXyz;
import org.burgers.core.io.Frame;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.burgers.core.testing.MorseTestPotential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relax, elastic and rattle commands end to end, on the test-only morse-test:cu potential. */
class SimulationCommandsTest {
    static final MorseTestPotential CU = new MorseTestPotential(0.3429, 1.3588, 2.866, 6.0);

    private static Path rattled(Path dir) {
        Path in = dir.resolve("in.xyz");
        ExtXyz.write(in, Frame.of(Fixtures.rattle(Fixtures.fcc("Cu", 3.61, 2), 0.05, 1)));
        return in;
    }

    @Test
    void relaxWritesAConvergedStructure(@TempDir Path dir) throws Exception {
        Path in = rattled(dir), out = dir.resolve("out.xyz");
        for (String method : new String[] {"lbfgs", "fire", "precon-lbfgs"}) {
            CliRun r = CliRun.of("relax", "--potential", "morse-test:cu", "--structure", in.toString(), "--fmax", "1e-6",
                    "--method", method, "--out", out.toString());
            assertEquals(0, r.code(), r.err());
            JsonNode j = r.json();
            assertTrue(j.get("converged").asBoolean());
            assertTrue(j.get("fmax").asDouble() < 1e-6);
            assertTrue(j.get("forceCalls").asInt() >= j.get("iterations").asInt());
            Structure s = ExtXyz.readFirst(out).structure();
            assertTrue(CU.evaluate(s, Request.FORCES).maxForceComponent() < 1e-6);
            assertEquals(CU.energy(s), j.get("energy").asDouble(), 1e-9);
        }
    }

    @Test
    void relaxOutOfBudgetExitsWithThree(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("relax", "--potential", "morse-test:cu", "--structure", rattled(dir).toString(), "--fmax",
                "1e-10", "--max-steps", "2", "--out", dir.resolve("o.xyz").toString());
        assertEquals(3, r.code());
        assertTrue(!r.json().get("converged").asBoolean());
        assertTrue(r.err().contains("did not converge"));
    }

    @Test
    void badInputExitsWithTwo(@TempDir Path dir) {
        String in = rattled(dir).toString(), out = dir.resolve("o.xyz").toString();
        CliRun r = CliRun.of("relax", "--potential", "morse-test:cu", "--structure", in, "--fmax", "0", "--out", out);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("fmax"), r.err());
        assertEquals(2, CliRun.of("relax", "--potential", "morse-test:cu", "--structure", in, "--fmax", "-1", "--out", out).code());
        assertEquals(2, CliRun.of("relax", "--potential", "morse-test:cu", "--structure", in, "--fmax", "1e-3",
                "--method", "newton", "--out", out).code());
        r = CliRun.of("elastic", "--potential", "morse-test:cu", "--lattice", "hcp", "--species", "Cu");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown lattice 'hcp'"), r.err());
        r = CliRun.of("elastic", "--potential", "morse-test:cu", "--lattice", "fcc", "--species", "Qq");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Qq"), r.err());
        r = CliRun.of("elastic", "--potential", "morse-test:cu", "--lattice", "fcc", "--species", "Au");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("does not cover"), r.err());
        assertEquals(2, CliRun.of("elastic", "--potential", "morse-test:cu", "--lattice", "b2", "--species", "Cu").code());
        assertEquals(2, CliRun.of("rattle", "--potential", "morse-test:cu", "--structure", in, "--count", "0", "--alpha",
                "0.1", "--seed", "1", "--out", out).code());
    }

    @Test
    void elasticPrintsCubicConstants() throws Exception {
        CliRun r = CliRun.of("elastic", "--potential", "morse-test:cu", "--lattice", "fcc", "--species", "Cu", "--a0", "3.6");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        double a0 = j.get("a0").asDouble();
        assertTrue(a0 > 3.3 && a0 < 3.9);
        JsonNode c = j.get("C");
        assertEquals(6, c.size());
        assertEquals(c.get(0).get(0).asDouble(), c.get(2).get(2).asDouble(), 1e-6);
        assertEquals(c.get(0).get(1).asDouble(), c.get(3).get(3).asDouble(), 1e-6);   // Cauchy relation
        assertEquals(6, j.get("C3").size());
        assertEquals(6, j.get("C3").get(0).get(0).size());
        // without --a0 the scan finds the same minimum
        CliRun scan = CliRun.of("elastic", "--potential", "morse-test:cu", "--lattice", "fcc", "--species", "Cu", "--no-c3");
        assertEquals(0, scan.code(), scan.err());
        assertEquals(a0, scan.json().get("a0").asDouble(), 1e-9);
    }

    @Test
    void rattleIsReproducibleAndLabelled(@TempDir Path dir) throws Exception {
        String in = rattled(dir).toString();
        Path a = dir.resolve("a.xyz"), b = dir.resolve("b.xyz");
        for (Path out : List.of(a, b)) {
            CliRun r = CliRun.of("rattle", "--potential", "morse-test:cu", "--structure", in, "--count", "4", "--alpha",
                    "0.1", "--seed", "11", "--out", out.toString());
            assertEquals(0, r.code(), r.err());
            assertEquals(4, r.json().get("count").asInt());
        }
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        List<Frame> frames = ExtXyz.read(a);
        assertEquals(4, frames.size());
        for (Frame f : frames) {
            assertEquals(CU.energy(f.structure()), f.energy(), 1e-9);
        }
    }

    @Test
    void crystalWritesAnOrientedCell(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("w.xyz");
        CliRun r = CliRun.of("crystal", "--lattice", "bcc", "--species", "W", "--a0", "3.14339", "--orient",
                "1,1,-2/-1,1,0/1,1,1", "--repeat", "2,3,4", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(144, r.json().get("natoms").asInt());
        Structure s = ExtXyz.readFirst(out).structure();
        assertEquals(144, s.size());
        assertArrayEquals(s.positions(), s.array("lattice"), 0);
        assertEquals(2 * 3.14339 * Math.sqrt(6), s.cell().get(0, 0), 1e-12);
        r = CliRun.of("crystal", "--lattice", "bcc", "--species", "W", "--a0", "3.14339", "--orient", "1,1,0/1,0,0/0,0,1",
                "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not orthogonal"), r.err());
    }
}
