package org.burgers.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.burgers.core.io.ExtXyz;
import org.burgers.core.io.Frame;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsEnergyForcesVirialAndSiteEnergies() throws Exception {
        Structure s = Fixtures.rattle(Fixtures.bcc("W", 3.14339, 2), 0.05, 1).deformed(Fixtures.randomStrain(0.02, 2));
        Path xyz = dir.resolve("w.xyz");
        ExtXyz.write(xyz, Frame.of(s));
        CliRun r = CliRun.of("eval", "--potential", "builtin:W", "--structure", xyz.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        Evaluation e = PotentialSpec.parse("builtin:W").evaluate(ExtXyz.readFirst(xyz).structure(), Request.ALL);
        assertEquals(16, j.get("natoms").asInt());
        assertEquals(e.energy(), j.get("energy").asDouble(), 0);
        assertEquals(e.forces()[7], j.get("forces").get(2).get(1).asDouble(), 0);
        assertEquals(e.virial()[5], j.get("virial").get(1).get(2).asDouble(), 0);
        assertEquals(e.siteEnergies()[3], j.get("siteEnergies").get(3).asDouble(), 0);
        assertTrue(j.get("hessian") == null);
    }

    @Test
    void hessianBlocks() throws Exception {
        Structure s = Fixtures.rattle(Fixtures.fcc("Ar", 5.26, 1), 0.05, 3);
        Path xyz = dir.resolve("ar.xyz");
        ExtXyz.write(xyz, Frame.of(s));
        CliRun r = CliRun.of("eval", "--potential", "lj:0.0104,3.4,6.0", "--structure", xyz.toString(), "--hessian");
        assertEquals(0, r.code(), r.err());
        JsonNode h = r.json().get("hessian");
        var exact = PotentialSpec.parse("lj:0.0104,3.4,6.0").evaluate(ExtXyz.readFirst(xyz).structure(),
                Request.WITH_HESSIAN).hessian();
        assertEquals(exact.blocks(), h.size());
        JsonNode b = h.get(5);
        int i = b.get(0).asInt(), jj = b.get(1).asInt();
        assertEquals(exact.get(i, 1, jj, 2), b.get(2).get(1).get(2).asDouble(), 0);
    }

    /** A potential whose energy overflows: a one-line numerical failure naming the cause, exit 1, no stack trace. */
    @Test
    void aNonFiniteEnergyIsANumericalFailureWithoutStackTrace() throws Exception {
        Path xyz = dir.resolve("cu.xyz");
        ExtXyz.write(xyz, Frame.of(Fixtures.fcc("Cu", 3.0, 1))); // nearest neighbours 2.12 A
        CliRun r = CliRun.of("eval", "--potential", "morse-test:steep", "--structure", xyz.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("burgers: numerical failure: potential returned a non-finite energy"), r.err());
        assertTrue(!r.err().contains("\tat org.") && !r.err().contains("internal error"), r.err());
    }

    @Test
    void badInputExitsWithCode2() throws Exception {
        Path xyz = dir.resolve("si.xyz");
        ExtXyz.write(xyz, Frame.of(Fixtures.bcc("W", 3.14, 1)));
        Path bad = dir.resolve("bad.sw");
        Files.writeString(bad, "Si Si Si 2.1683 2.0951 1.80 21.0 1.20 -0.3333\n");
        CliRun r = CliRun.of("eval", "--potential", "sw:" + bad, "--structure", xyz.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(bad.toString()), r.err());
        CliRun r2 = CliRun.of("eval", "--potential", "builtin:Si", "--structure", xyz.toString());
        assertEquals(2, r2.code());
        assertTrue(r2.err().contains("atom 0 is W"), r2.err());
        CliRun r3 = CliRun.of("eval", "--potential", "builtin:W", "--structure", dir.resolve("missing.xyz").toString());
        assertEquals(2, r3.code(), r3.err());
    }
}
