package org.burgers.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import org.burgers.core.neighbours.NeighbourList;
import org.burgers.core.neighbours.NeighbourListFactory;
import org.burgers.core.neighbours.VerletList;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.junit.jupiter.api.Test;

class CoreModuleTest {

    @Test
    void bindsTheNeighbourListFactoryWithTheConfiguredSkin() throws Exception {
        Injector in = Guice.createInjector(new CoreModule(0.4));
        NeighbourListFactory f = in.getInstance(NeighbourListFactory.class);
        assertSame(f, in.getInstance(NeighbourListFactory.class));
        Structure s = Fixtures.bcc("W", 3.16, 3);
        NeighbourList nl = f.build(s, 3.3, false);   // 8 + 6 neighbours
        assertEquals(14 * s.size(), nl.pairs());
        // the skin is the configured one: a move of 0.19 A (< skin/2) reuses the list, 0.21 A rebuilds it
        VerletList v = f.verlet(3.0, true);
        v.update(s);
        double[] x = s.positions();
        x[0] += 0.19;
        v.update(s.withPositions(x));
        assertEquals(1, v.builds());
        x[0] += 0.02;
        v.update(s.withPositions(x));
        assertEquals(2, v.builds());
        // the mapper knows structures
        ObjectMapper m = in.getInstance(ObjectMapper.class);
        Structure back = m.readValue(m.writeValueAsString(s), Structure.class);
        assertEquals(s.size(), back.size());
    }

    @Test
    void rejectsABadSkin() {
        assertThrows(InputException.class, () -> new CoreModule(-1));
        assertThrows(InputException.class, () -> new CoreModule(Double.NaN));
    }
}
