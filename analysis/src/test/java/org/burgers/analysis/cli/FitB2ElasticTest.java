package org.burgers.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code burgers fit --elastic b2:POTENTIAL}: the elastic rows of a B2 crystal (every site an inversion centre,
 * so the clamped-ion tensors are the relaxed-ion ones), as the NiAl study uses them. With the rows weighted the
 * fit matches the reference's elastic tensor; without, it does not.
 */
class FitB2ElasticTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path train;

    @BeforeAll
    static void data() {
        Path cell = dir.resolve("b2.xyz");
        assertEquals(0, CliRun.of("crystal", "--lattice", "b2", "--species", "Ni,Al", "--a0", "2.8587",
                "--repeat", "3,3,3", "--out", cell.toString()).code());
        train = dir.resolve("train.xyz");
        CliRun r = CliRun.of("rattle", "--structure", cell.toString(), "--potential", "builtin:NiAl", "--alpha", "0.1",
                "--count", "6", "--seed", "7", "--out", train.toString());
        assertEquals(0, r.code(), r.err());
    }

    static JsonNode fit(String name, String weights) throws Exception {
        Path out = dir.resolve(name);
        CliRun r = CliRun.of("fit", "--train", train.toString(), "--species", "Ni,Al", "--order", "2", "--degree", "6",
                "--rcut", "5.5", "--weights", weights, "--solver", "qr", "--elastic", "b2:builtin:NiAl",
                "--elastic-unit", "eV/A3", "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        return MAPPER.readTree(out.resolve("errors.json").toFile());
    }

    @Test
    void weightedB2RowsMatchTheReferenceElasticTensor() throws Exception {
        double without = fit("no-rows", "E=50,F=10,d1V=0,d2V=0").get("eps1V").asDouble();
        double with = fit("rows", "E=50,F=10,d1V=10,d2V=0").get("eps1V").asDouble();
        assertTrue(without > 1e-3, "a fit to rattled cells alone misses the tensor: " + without);
        assertTrue(with < without / 100, "eps1V " + with + " with the rows against " + without + " without");
    }

    @Test
    void b2WithOneSpeciesAndAnUnknownLatticeAreRefusedWithTheReason() {
        CliRun one = CliRun.of("fit", "--train", train.toString(), "--species", "Ni", "--order", "2", "--degree", "4",
                "--rcut", "5.5", "--elastic", "b2:builtin:NiAl", "--out", dir.resolve("bad1").toString());
        assertEquals(2, one.code());
        assertTrue(one.err().contains("two species"), one.err());
        CliRun dia = CliRun.of("fit", "--train", train.toString(), "--species", "Ni,Al", "--order", "2", "--degree", "4",
                "--rcut", "5.5", "--elastic", "hcp:builtin:NiAl", "--out", dir.resolve("bad2").toString());
        assertEquals(2, dia.code());
        assertTrue(dia.err().contains("not supported"), dia.err());
    }
}
