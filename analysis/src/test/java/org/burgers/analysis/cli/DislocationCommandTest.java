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

    @Test
    void writesAQuadrupoleWithCoresLatticeSitesAndAVitekMap(@TempDir Path dir) throws Exception {
        Path xyz = dir.resolve("q.xyz");
        SimulationCommandsTest.Run r = SimulationCommandsTest.run("dislocation", "--system", "w-screw", "--kind",
                "quadrupole", "--size", "8", "--relax", "1e-4", "--out", xyz.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(4, j.get("cores").size());
        assertTrue(j.get("relaxation").get("converged").asBoolean());
        assertEquals(3.14339, j.get("a0").asDouble(), 1e-4);
        // extxyz round trip: per-atom lattice sites, cores and Burgers vectors in the comment line
        Frame f = ExtXyz.readFirst(xyz);
        assertEquals(j.get("natoms").asInt(), f.structure().size());
        assertEquals(3 * f.structure().size(), f.structure().array("lattice").length);
        assertEquals(12, ((double[]) f.info().get("cores")).length);
        assertEquals(12, ((double[]) f.info().get("burgers")).length);
        double bz = ((double[]) f.info().get("burgers"))[2];
        assertEquals(3.14339 * Math.sqrt(3) / 2, Math.abs(bz), 1e-4);
        Path png = dir.resolve("map.png");
        SimulationCommandsTest.Run v = SimulationCommandsTest.run("vitek", "--structure", xyz.toString(), "--out",
                png.toString(), "--pixels", "300");
        assertEquals(0, v.code(), v.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() > 100 && img.getHeight() > 100);
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void badInputExitsWithCode2(@TempDir Path dir) {
        String out = dir.resolve("x.xyz").toString();
        SimulationCommandsTest.Run r = SimulationCommandsTest.run("dislocation", "--system", "fe-screw", "--kind",
                "dipole", "--size", "10", "--out", out);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown dislocation system"), r.err());
        r = SimulationCommandsTest.run("dislocation", "--system", "w-screw", "--kind", "dipole", "--size", "10",
                "--burgers", "1/3[111]", "--out", out);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not a lattice vector"), r.err());
        r = SimulationCommandsTest.run("dislocation", "--system", "w-screw", "--kind", "quadrupole", "--size", "3",
                "--out", out);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("too small"), r.err());
        r = SimulationCommandsTest.run("dislocation", "--system", "w-screw", "--kind", "loop", "--size", "10",
                "--out", out);
        assertEquals(2, r.code());
        r = SimulationCommandsTest.run("vitek", "--structure", dir.resolve("missing.xyz").toString(), "--out",
                dir.resolve("m.png").toString());
        assertEquals(2, r.code());
    }
}
