package org.burgers.fitting.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.burgers.core.InputException;
import org.burgers.fitting.loss.LossAssembler;
import org.burgers.fitting.loss.LossWeights;
import org.junit.jupiter.api.Test;

class FitConfigTest {
    static final ObjectMapper M = new ObjectMapper();
    static final String BASIS = "\"basis\": {\"species\": [\"W\"], \"order\": 2, \"degree\": 6, \"rcut\": 5.5}";

    static FitConfig parse(String json) throws Exception {
        return FitConfig.parse(M.readTree(json), "fit.json", Path.of("/data"));
    }

    @Test
    void defaultsAndFullDocument() throws Exception {
        FitConfig d = parse("{\"train\": \"t.xyz\", " + BASIS + "}");
        assertEquals(Path.of("/data/t.xyz"), d.train());
        assertNull(d.test());
        assertEquals(LossWeights.PAPER_W, d.weights());
        assertEquals("ard", d.solver().name());
        assertEquals(LossAssembler.ElasticUnit.GPA, d.elasticUnit());
        assertEquals(0.0, d.e0().get("W"));
        FitConfig f = parse("{\"train\": \"/abs/t.xyz\", \"test\": \"s.xyz\", " + BASIS + ", \"E0\": {\"W\": -1.5},"
                + "\"weights\": {\"V\": 2, \"d2V\": 0}, \"configTypeWeights\": {\"dipole\": 3},"
                + "\"elastic\": [{\"lattice\": \"BCC\", \"potential\": \"builtin:W\", \"a0\": 3.14}],"
                + "\"elasticUnit\": \"eV/A3\", \"solver\": {\"name\": \"ridge\", \"lambda\": 1e-3}, \"threads\": 1}");
        assertEquals(Path.of("/abs/t.xyz"), f.train());
        assertEquals(Path.of("/data/s.xyz"), f.test());
        assertEquals(new LossWeights(50, 10, 2, 10, 0), f.weights());
        assertEquals(-1.5, f.e0().get("W"));
        assertEquals(3.0, f.configTypeWeights().get("dipole"));
        assertEquals("bcc", f.elastic().get(0).lattice());
        assertEquals("W", f.elastic().get(0).species());
        assertEquals(3.14, f.elastic().get(0).a0());
        assertEquals(LossAssembler.ElasticUnit.EV_PER_A3, f.elasticUnit());
        assertEquals(1e-3, f.solver().lambda());
        assertEquals(1, f.threads());
    }

    /** Diamond is accepted: its conventional cell has 8 atoms on two sublattices, the shift variables. */
    @Test
    void diamondElasticObservationHasTwoSublattices() {
        ElasticSpec spec = new ElasticSpec("diamond", "Si", "builtin:Si", 5.43);
        var cell = spec.unitCellAtScaleOne();
        assertEquals(8, cell.size());
        assertEquals(2, org.burgers.core.elasticity.Sublattices.of(cell).count());
        assertEquals(Math.sqrt(3) / 4, org.burgers.core.elasticity.Sublattices.nearestNeighbourDistance(cell), 1e-12);
        InputException e = assertThrows(InputException.class, () -> new ElasticSpec("hcp", "Si", "builtin:Si", null));
        assertTrue(e.getMessage().contains("not supported"), e.getMessage());
    }

    @Test
    void unknownKeysAndBadValuesAreNamed() {
        String[][] cases = {
            {"{\"train\": \"t\", " + BASIS + ", \"wieghts\": {}}", "unknown key 'wieghts'"},
            {"{\"train\": \"t\", \"basis\": {\"species\": [\"W\"], \"order\": 2, \"degree\": 6, \"rcut\": 5.5, \"rc\": 1}}",
                "fit.json.basis: unknown key 'rc'"},
            {"{\"train\": \"t\", " + BASIS + ", \"weights\": {\"W\": 1}}", "fit.json.weights: unknown key 'W'"},
            {"{\"train\": \"t\", " + BASIS + ", \"weights\": {\"E\": \"big\"}}", "fit.json.weights.E must be a number"},
            {"{\"train\": \"t\", " + BASIS + ", \"E0\": {\"Mo\": 0}}", "species 'Mo' is not in the basis"},
            {"{\"train\": \"t\", " + BASIS + ", \"configTypeWeights\": {\"x\": -1}}", "configTypeWeights.x must be >= 0"},
            {"{\"train\": \"t\", " + BASIS + ", \"elastic\": [{\"lattice\": \"bcc\"}]}", "missing 'potential'"},
            {"{\"train\": \"t\", " + BASIS + ", \"solver\": {\"name\": \"ard\", \"treshold\": 1}}", "unknown key 'treshold'"},
            {"{\"train\": \"t\", " + BASIS + ", \"solver\": {\"name\": \"ard\", \"maxIterations\": 0}}", "maxIterations"},
            {"{\"train\": \"t\", " + BASIS + ", \"elasticUnit\": \"kbar\"}", "elasticUnit"},
            {"{" + BASIS + "}", "missing 'train'"},
        };
        for (String[] c : cases) {
            InputException ex = assertThrows(InputException.class, () -> parse(c[0]), c[0]);
            assertTrue(ex.getMessage().contains(c[1]), "expected '" + c[1] + "' in: " + ex.getMessage());
        }
    }
}
