package org.burgers.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code burgers neighbours}: the JSON it prints, and exit code 2 with a clear message on bad input. */
class NeighboursCommandTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    static final String HEADER = "2\nLattice=\"3.16 0 0 0 3.16 0 0 0 3.16\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\n";

    @Test
    void countsBccNeighbours() throws Exception {
        Path p = file("w.xyz", HEADER + "W 0 0 0\nW 1.58 1.58 1.58\n");
        CliRun r = CliRun.of("neighbours", "--structure", p.toString(), "--cutoff", "3.3");
        assertEquals(0, r.code(), r.err());
        String json = r.out().replaceAll("\\s", "");
        assertTrue(json.contains("\"natoms\":2"), json);
        assertTrue(json.contains("\"pairs\":14"), json);   // 2 atoms x 14 neighbours / 2
        assertTrue(json.contains("\"counts\":[14,14]"), json);
    }

    private void assertBadInput(CliRun r, String... fragments) {
        assertEquals(2, r.code(), "exit code; stderr: " + r.err());
        assertTrue(r.err().startsWith("burgers: "), r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "stderr should mention '" + f + "': " + r.err());
        }
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void malformedFileNamesTheLine() throws Exception {
        Path p = file("bad.xyz", HEADER + "W 0 0 0\nW 1.58 oops 1.58\n");
        assertBadInput(CliRun.of("neighbours", "--structure", p.toString(), "--cutoff", "3.3"), p + ":4:", "oops",
                "not a number");
    }

    @Test
    void singularCell() throws Exception {
        Path p = file("flat.xyz", "2\nLattice=\"3.16 0 0 0 3.16 0 6.32 0 0\" Properties=species:S:1:pos:R:3\n"
                + "W 0 0 0\nW 1.58 1.58 0\n");
        assertBadInput(CliRun.of("neighbours", "--structure", p.toString(), "--cutoff", "3.3"), p.toString(), "singular");
    }

    @Test
    void nanCoordinate() throws Exception {
        Path p = file("nan.xyz", HEADER + "W 0 0 0\nW 1.58 NaN 1.58\n");
        assertBadInput(CliRun.of("neighbours", "--structure", p.toString(), "--cutoff", "3.3"), p + ":4:", "NaN");
        p = file("inf.xyz", HEADER + "W Infinity 0 0\nW 1.58 1 1.58\n");
        assertBadInput(CliRun.of("neighbours", "--structure", p.toString(), "--cutoff", "3.3"), p + ":3:", "Infinity");
    }

    @Test
    void unknownElement() throws Exception {
        Path p = file("el.xyz", HEADER + "W 0 0 0\nQx 1.58 1.58 1.58\n");
        assertBadInput(CliRun.of("neighbours", "--structure", p.toString(), "--cutoff", "3.3"), p + ":4:",
                "unknown element 'Qx'");
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("nowhere.xyz");
        assertBadInput(CliRun.of("neighbours", "--structure", p.toString(), "--cutoff", "3.3"), "no such file: " + p);
    }

    @Test
    void badCutoff() throws Exception {
        Path p = file("w.xyz", HEADER + "W 0 0 0\nW 1.58 1.58 1.58\n");
        assertBadInput(CliRun.of("neighbours", "--structure", p.toString(), "--cutoff", "-1"), "--cutoff");
        assertBadInput(CliRun.of("neighbours", "--structure", p.toString(), "--cutoff", "abc"), "abc");
    }
}
