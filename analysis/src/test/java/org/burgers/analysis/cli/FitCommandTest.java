package org.burgers.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.burgers.ace.basis.AceBasis;
import org.burgers.ace.model.AceModel;
import org.burgers.core.io.ExtXyz;
import org.burgers.core.io.Frame;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.fitting.data.DataSets;
import org.burgers.fitting.data.LabelledConfiguration;
import org.burgers.fitting.data.ReferenceEnergies;
import org.burgers.fitting.errors.ErrorTable;
import org.burgers.fitting.model.LinearModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitCommandTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path train;
    static Path test;

    @BeforeAll
    static void data() {
        Potential w = PotentialSpec.parse("builtin:W");
        train = WTrainingSets.write(dir.resolve("train.xyz"), WTrainingSets.rattled(w, 12, 2, 0.1, 1, "bulk"));
        test = WTrainingSets.write(dir.resolve("test.xyz"), WTrainingSets.rattled(w, 4, 2, 0.1, 100, "bulk"));
    }

    static int run(String... args) {
        return BurgersCommand.execute(args);
    }

    @Test
    void fitWithFlagsWritesALoadableModelThatReproducesTheReportedErrors() throws Exception {
        Path out = dir.resolve("fit1");
        int code = run("fit", "--train", train.toString(), "--test", test.toString(), "--species", "W", "--order", "2",
                "--degree", "6", "--rcut", "5.5", "--weights", "E=50,F=10,V=1", "--solver", "qr",
                "--elastic", "bcc:builtin:W", "--out", out.toString(), "--threads", "2");
        assertEquals(0, code);
        JsonNode errors = MAPPER.readTree(out.resolve("errors.json").toFile());
        double reported = errors.get("test").get("forceRmse").asDouble();
        assertTrue(errors.get("eps1V").asDouble() >= 0);
        assertTrue(Files.readString(out.resolve("errors.md")).contains("| test | all |"));
        // the saved model, loaded through the potential provider, predicts the same errors
        Potential model = PotentialSpec.parse("ace:" + out.resolve("model.json"));
        List<LabelledConfiguration> t = DataSets.read(test);
        ErrorTable again = ErrorTable.of(model, t, 2);
        assertEquals(reported, again.all().forceRmse(), 1e-6 * reported);
        assertEquals(errors.get("test").get("energyRmse").asDouble(), again.all().energyRmse(), 1e-6);
        assertEquals(errors.get("test").get("virialRmse").asDouble(), again.all().virialRmse(), 1e-6);
        // the reported tables come from the contracted AcePotential; the generic coefficients-times-features
        // model of the same coefficients gives the same errors
        AceModel saved = AceModel.read(out.resolve("model.json"));
        ErrorTable generic = ErrorTable.of(new LinearModel(new AceBasis(saved.basis()), saved.coefficients(),
                new ReferenceEnergies(saved.e0())), t, 2);
        assertEquals(reported, generic.all().forceRmse(), 1e-9 * reported);
        assertEquals(errors.get("test").get("energyRmse").asDouble(), generic.all().energyRmse(), 1e-9);
        // and through the command line: ./burgers eval --potential ace:DIR/model.json on every test frame
        double f2 = 0;
        double e2 = 0;
        int nf = 0;
        List<Frame> frames = ExtXyz.read(test);
        for (int i = 0; i < frames.size(); i++) {
            Path one = dir.resolve("test-frame-" + i + ".xyz");
            ExtXyz.write(one, frames.get(i));
            CliRun r = CliRun.of("eval", "--potential", "ace:" + out.resolve("model.json"), "--structure", one.toString());
            assertEquals(0, r.code(), r.err());
            JsonNode ev = r.json();
            int n = ev.get("natoms").asInt();
            e2 += Math.pow(1000 * (ev.get("energy").asDouble() - t.get(i).energy()) / n, 2);
            for (int a = 0; a < n; a++) {
                for (int c = 0; c < 3; c++) {
                    f2 += Math.pow(1000 * (ev.get("forces").get(a).get(c).asDouble() - t.get(i).forces()[3 * a + c]), 2);
                    nf++;
                }
            }
        }
        assertEquals(reported, Math.sqrt(f2 / nf), 1e-6 * reported);
        assertEquals(errors.get("test").get("energyRmse").asDouble(), Math.sqrt(e2 / frames.size()), 1e-6);
    }

    @Test
    void configFileWithRelativePathsGivesTheSameFitAsFlags() throws Exception {
        Path cfg = dir.resolve("fit.json");
        Files.writeString(cfg, """
                {"train": "train.xyz", "test": "test.xyz",
                 "basis": {"species": ["W"], "order": 2, "degree": 6, "rcut": 5.5},
                 "E0": {"W": 0.0},
                 "weights": {"E": 50, "F": 10, "V": 1, "d1V": 10, "d2V": 1},
                 "elastic": [{"lattice": "bcc", "potential": "builtin:W"}],
                 "solver": {"name": "qr"}, "threads": 2}
                """);
        Path out = dir.resolve("fit2");
        assertEquals(0, run("fit", "--config", cfg.toString(), "--out", out.toString()));
        Path out1 = dir.resolve("fit1b");
        assertEquals(0, run("fit", "--train", train.toString(), "--test", test.toString(), "--species", "W",
                "--order", "2", "--degree", "6", "--rcut", "5.5", "--weights", "V=1", "--solver", "qr",
                "--elastic", "bcc:builtin:W", "--out", out1.toString(), "--threads", "2"));
        JsonNode a = MAPPER.readTree(out.resolve("model.json").toFile()).get("coefficients");
        JsonNode b = MAPPER.readTree(out1.resolve("model.json").toFile()).get("coefficients");
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            assertEquals(a.get(k).asDouble(), b.get(k).asDouble(), 1e-9 * (1 + Math.abs(a.get(k).asDouble())));
        }
    }

    @Test
    void badInputExitsWithCode2AndAClearMessage() throws Exception {
        Path cfg = dir.resolve("bad.json");
        String[][] cases = {
            {"{\"train\": \"train.xyz\", \"basis\": {\"species\": [\"W\"], \"order\": 2, \"degree\": 6, \"rcut\": 5.5}, \"weigths\": {}}", "unknown key 'weigths'"},
            {"{\"train\": \"train.xyz\", \"basis\": {\"species\": [\"W\"], \"order\": 2, \"degree\": 6, \"rcut\": 5.5}, \"weights\": {\"F\": -1}}", "weight F"},
            {"{\"train\": \"train.xyz\", \"basis\": {\"species\": [\"Mo\"], \"order\": 2, \"degree\": 6, \"rcut\": 5.5}}", "atom 0 is W"},
            {"{\"train\": \"nolabels.xyz\", \"basis\": {\"species\": [\"W\"], \"order\": 2, \"degree\": 6, \"rcut\": 5.5}}", "no 'energy' label"},
            {"{\"train\": \"train.xyz\", \"basis\": {\"species\": [\"W\"], \"order\": 2, \"degree\": 6, \"rcut\": 5.5}, \"solver\": \"lsqr\"}", "unknown solver"},
            {"{\"train\": \"train.xyz\", \"basis\": {\"species\": [\"W\"], \"order\": 2, \"degree\": 6, \"rcut\": 5.5}, \"elastic\": [{\"lattice\": \"hcp\", \"potential\": \"builtin:W\"}]}", "not supported"},
        };
        List<Frame> frames = new ArrayList<>();
        for (Frame f : ExtXyz.read(train).subList(0, 2)) {
            frames.add(Frame.of(f.structure().withoutArrays()));
        }
        ExtXyz.write(dir.resolve("nolabels.xyz"), frames);
        for (String[] c : cases) {
            Files.writeString(cfg, c[0]);
            CliRun r = CliRun.of("fit", "--config", cfg.toString(), "--out", dir.resolve("bad").toString());
            assertEquals(2, r.code(), c[0]);
            assertTrue(r.err().contains(c[1]), "expected '" + c[1] + "' in: " + r.err());
        }
    }
}
