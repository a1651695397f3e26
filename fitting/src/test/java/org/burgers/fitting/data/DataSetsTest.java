package org.burgers.fitting.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.burgers.core.InputException;
import org.burgers.core.io.ExtXyz;
import org.burgers.core.io.Frame;
import org.burgers.core.potential.Evaluation;
import org.burgers.core.potential.Request;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.burgers.fitting.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSetsTest {
    @TempDir
    Path dir;

    @Test
    void readsEnergyForcesVirialOrStressConfigTypeAndWeight() {
        Structure s = Fixtures.rattle(Fixtures.bcc("W", 3.16, 2), 0.05, 1);
        Evaluation e = TestData.morse().evaluate(s, Request.FORCES);
        double vol = s.cell().volume();
        double[] stress = new double[9];
        for (int k = 0; k < 9; k++) {
            stress[k] = -e.virial()[k] / vol;
        }
        Frame withVirial = Frame.labelled(s, e.energy(), e.forces(), e.virial()).withInfo("config_type", "bulk")
                .withInfo("config_weight", 2.5);
        Frame withStress = Frame.labelled(s, e.energy(), e.forces(), null).withInfo("stress", stress);
        Path f = dir.resolve("set.xyz");
        ExtXyz.write(f, List.of(withVirial, withStress));
        List<LabelledConfiguration> d = DataSets.read(f);
        assertEquals(2, d.size());
        assertEquals("bulk", d.get(0).configType());
        assertEquals(2.5, d.get(0).weight());
        assertEquals("default", d.get(1).configType());
        assertEquals(1.0, d.get(1).weight());
        assertEquals(e.energy(), d.get(0).energy(), 1e-9);
        assertArrayEquals(e.forces(), d.get(0).forces(), 1e-9);
        assertArrayEquals(e.virial(), d.get(0).virial(), 1e-8);
        assertArrayEquals(e.virial(), d.get(1).virial(), 1e-8); // -stress * V
        assertEquals("set.xyz frame 1", d.get(1).source());
    }

    @Test
    void badLabelsAreNamed() throws Exception {
        Structure s = Fixtures.bcc("W", 3.16, 1);
        Path f = dir.resolve("neg.xyz");
        ExtXyz.write(f, List.of(Frame.labelled(s, -1.0, null, null).withInfo("config_weight", -1.0)));
        InputException ex = assertThrows(InputException.class, () -> DataSets.read(f));
        assertTrue(ex.getMessage().contains("neg.xyz frame 0") && ex.getMessage().contains("config_weight"),
                ex.getMessage());
        Path g = dir.resolve("text.xyz");
        ExtXyz.write(g, List.of(Frame.labelled(s, -1.0, null, null).withInfo("weight", "heavy")));
        ex = assertThrows(InputException.class, () -> DataSets.read(g));
        assertTrue(ex.getMessage().contains("weight must be a number"), ex.getMessage());
        LabelledConfiguration plain = DataSets.fromFrame(Frame.of(s), "x");
        assertNull(plain.energy());
        Path empty = dir.resolve("empty.xyz");
        Files.writeString(empty, "");
        assertThrows(InputException.class, () -> DataSets.read(empty));
    }
}
