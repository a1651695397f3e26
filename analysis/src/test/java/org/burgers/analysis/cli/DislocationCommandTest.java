package org.burgers.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.burgers.core.io.ExtXyz;
import org.burgers.core.io.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code burgers dislocation} and {@code burgers vitek} end to end with the built-in W potential. */
class DislocationCommandTest {

    /** {@code burgers dislocation --kind quadrupole --relax FMAX}: exit 0, four cores, a converged relaxation. */
    private static JsonNode relaxedQuadrupole(String system, String size, String fmax, Path xyz) throws Exception {
        CliRun r = CliRun.of("dislocation", "--system", system, "--kind", "quadrupole", "--size", size, "--relax", fmax,
                "--out", xyz.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(4, j.get("cores").size());
        assertTrue(j.get("relaxation").get("converged").asBoolean());
        return j;
    }

    /** {@code burgers vitek} of a written structure at 300 pixels: exit 0; returns the PNG. */
    private static Path vitekMap(Path xyz, Path png) {
        CliRun v = CliRun.of("vitek", "--structure", xyz.toString(), "--out", png.toString(), "--pixels", "300");
        assertEquals(0, v.code(), v.err());
        return png;
    }

    @Test
    void writesAQuadrupoleWithCoresLatticeSitesAndAVitekMap(@TempDir Path dir) throws Exception {
        Path xyz = dir.resolve("q.xyz");
        JsonNode j = relaxedQuadrupole("w-screw", "8", "1e-4", xyz);
        assertEquals(3.14339, j.get("a0").asDouble(), 1e-4);
        // extxyz round trip: per-atom lattice sites, cores and Burgers vectors in the comment line
        Frame f = ExtXyz.readFirst(xyz);
        assertEquals(j.get("natoms").asInt(), f.structure().size());
        assertEquals(3 * f.structure().size(), f.structure().array("lattice").length);
        assertEquals(12, ((double[]) f.info().get("cores")).length);
        assertEquals(12, ((double[]) f.info().get("burgers")).length);
        assertEquals("1,1,-2/-1,1,0/1,1,1", f.info().get("frame"));
        double bz = ((double[]) f.info().get("burgers"))[2];
        assertEquals(3.14339 * Math.sqrt(3) / 2, Math.abs(bz), 1e-4);
        Path png = vitekMap(xyz, dir.resolve("map.png"));
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() > 100 && img.getHeight() > 100);
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void writesTheRelaxedWMixedQuadrupoleWithItsClimbStripsRemoved(@TempDir Path dir) throws Exception {
        Path xyz = dir.resolve("m.xyz");
        JsonNode j = relaxedQuadrupole("w-mixed", "10", "1e-6", xyz);
        assertTrue(j.get("relaxation").get("fmax").asDouble() < 1e-6);
        Frame f = ExtXyz.readFirst(xyz);
        double a = j.get("a0").asDouble();
        double[] ref = (double[]) f.info().get("lattice_cell");
        double sites = ref[0] * ref[4] * ref[8] / (a * a * a / 2);
        // two strips, each one column per (-1,1,0) plane (spacing a/sqrt(2)) over half the cell height
        double removed = 2 * (ref[4] / 2) / (a / Math.sqrt(2));
        assertEquals(Math.rint(removed), removed, 1e-9);
        assertEquals(sites - removed, j.get("natoms").asInt(), 1e-9);
        assertEquals(j.get("natoms").asInt(), f.structure().size());
        assertTrue(Files.size(vitekMap(xyz, dir.resolve("m.png"))) > 1000);
        // too small for four cores at 45 degrees
        CliRun small = CliRun.of("dislocation", "--system", "w-mixed", "--kind",
                "quadrupole", "--size", "3", "--out", dir.resolve("s.xyz").toString());
        assertEquals(2, small.code());
        assertTrue(small.err().contains("too small"), small.err());
    }

    /** --diameter: the loop study's loop of diameter L in the cell N; refused when it does not fit or applies not. */
    @Test
    void writesAPrismaticLoopOfAGivenDiameterAndTheWEdgeDipole(@TempDir Path dir) throws Exception {
        String out = dir.resolve("l.xyz").toString();
        CliRun small = CliRun.of("dislocation", "--system", "w-loop", "--kind",
                "prismatic-loop", "--size", "10", "--diameter", "4", "--out", out);
        CliRun big = CliRun.of("dislocation", "--system", "w-loop", "--kind",
                "prismatic-loop", "--size", "10", "--diameter", "7", "--out", out);
        assertEquals(0, small.code(), small.err());
        assertEquals(0, big.code(), big.err());
        assertEquals(7.0, big.json().get("diameter_r0").asDouble());
        // same cell, a larger disc removed
        assertTrue(big.json().get("natoms").asInt() < small.json().get("natoms").asInt());
        assertEquals(small.json().get("cell").get(0).asDouble(), big.json().get("cell").get(0).asDouble(), 1e-9);
        CliRun r = CliRun.of("dislocation", "--system", "w-loop", "--kind",
                "prismatic-loop", "--size", "10", "--diameter", "9", "--out", out);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("does not fit"), r.err());
        r = CliRun.of("dislocation", "--system", "w-screw", "--kind", "dipole", "--size", "10",
                "--diameter", "4", "--out", out);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--diameter"), r.err());
        r = CliRun.of("dislocation", "--system", "w-edge", "--kind", "dipole", "--size", "10",
                "--out", out);
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.json().get("cores").size());
    }

    @Test
    void badInputExitsWithCode2(@TempDir Path dir) {
        String out = dir.resolve("x.xyz").toString();
        CliRun r = CliRun.of("dislocation", "--system", "fe-screw", "--kind",
                "dipole", "--size", "10", "--out", out);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown dislocation system"), r.err());
        r = CliRun.of("dislocation", "--system", "w-screw", "--kind", "dipole", "--size", "10",
                "--burgers", "1/3[111]", "--out", out);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not a lattice vector"), r.err());
        r = CliRun.of("dislocation", "--system", "w-screw", "--kind", "quadrupole", "--size", "3",
                "--out", out);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("too small"), r.err());
        r = CliRun.of("dislocation", "--system", "w-screw", "--kind", "loop", "--size", "10",
                "--out", out);
        assertEquals(2, r.code());
        r = CliRun.of("vitek", "--structure", dir.resolve("missing.xyz").toString(), "--out",
                dir.resolve("m.png").toString());
        assertEquals(2, r.code());
    }
}
