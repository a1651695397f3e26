package org.burgers.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.burgers.core.InputException;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtXyzTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsLabelsAndArrays() {
        Structure s = Fixtures.rattle(Fixtures.bcc("W", 3.16, 2), 0.1, 1).deformed(Fixtures.randomStrain(0.05, 2));
        double[] f = new double[3 * s.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = Math.sin(i) / 3;
        }
        double[] w = {1, 2, 3, 2, 5, 6, 3, 6, 9.125};
        Frame fr = Frame.labelled(s, -1234.5678901234, f, w).withInfo("config_type", "bulk");
        Path p = dir.resolve("a.xyz");
        ExtXyz.write(p, List.of(fr, fr));
        List<Frame> back = ExtXyz.read(p);
        assertEquals(2, back.size());
        Frame b = back.get(1);
        assertArrayEquals(s.positionsView(), b.structure().positionsView(), 0);
        assertArrayEquals(s.cell().matrix(), b.structure().cell().matrix(), 0);
        assertArrayEquals(f, b.forces(), 0);
        assertArrayEquals(w, b.virial(), 0);
        assertEquals(-1234.5678901234, b.energy(), 0);
        assertEquals("bulk", b.configType());
    }

    @Test
    void readsAseStyleStressAndReportsBadLines() throws IOException {
        Path p = dir.resolve("b.xyz");
        Files.writeString(p, "2\nLattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3 energy=-3.5 "
                + "stress=\"0.1 0 0 0 0.1 0 0 0 0.1\" pbc=\"T T T\"\nW 0 0 0\nW 2 2 2\n");
        Frame f = ExtXyz.readFirst(p);
        assertEquals(-0.1 * 64, f.virial()[0], 1e-12);
        Files.writeString(p, "2\nLattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3\nW 0 0 0\nW 2 x 2\n");
        InputException e = assertThrows(InputException.class, () -> ExtXyz.read(p));
        assertTrue(e.getMessage().contains(":4:"), e.getMessage());
        Files.writeString(p, "2\nLattice=\"4 0 0 0 4 0 0 0 0\" Properties=species:S:1:pos:R:3\nW 0 0 0\nW 2 2 2\n");
        e = assertThrows(InputException.class, () -> ExtXyz.read(p));
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
        Files.writeString(p, "2\nLattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3\nQq 0 0 0\nW 2 2 2\n");
        e = assertThrows(InputException.class, () -> ExtXyz.read(p));
        assertTrue(e.getMessage().contains("unknown element"), e.getMessage());
        Files.writeString(p, "2\nLattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3\nW 0 0 nan\nW 2 2 2\n");
        e = assertThrows(InputException.class, () -> ExtXyz.read(p));
        assertTrue(e.getMessage().contains(":3:"), e.getMessage());
        Files.writeString(p, "3\nLattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3\nW 0 0 0\nW 2 2 2\n");
        e = assertThrows(InputException.class, () -> ExtXyz.read(p));
        assertTrue(e.getMessage().contains("ends after 2 of 3"), e.getMessage());
    }
}
