package org.burgers.fitting.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.burgers.ace.basis.AceBasis;
import org.burgers.ace.model.AceModel;
import org.burgers.ace.model.AcePotential;
import org.burgers.core.InputException;
import org.burgers.core.potential.Potential;
import org.burgers.core.potential.PotentialSpec;
import org.burgers.core.structure.Structure;
import org.burgers.fitting.Fitter;
import org.burgers.fitting.data.DataSets;
import org.burgers.fitting.data.LabelledConfiguration;
import org.burgers.fitting.data.ReferenceEnergies;
import org.burgers.fitting.errors.ErrorReport;
import org.burgers.fitting.loss.ElasticObservation;

/**
 * Runs a configured fit with an ACE basis and writes DIR/model.json (the ACE model format, loadable as
 * {@code ace:DIR/model.json}), DIR/errors.json and DIR/errors.md.
 */
public final class FitRunner {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FitRunner() {
    }

    public record Outcome(Fitter.Result result, AceModel model, Map<String, Object> errors) {
    }

    public static Outcome run(FitConfig cfg, Path out) {
        List<LabelledConfiguration> train = DataSets.read(cfg.train());
        List<LabelledConfiguration> test = cfg.test() == null ? List.of() : DataSets.read(cfg.test());
        AceBasis basis = new AceBasis(cfg.basis());
        List<ElasticObservation> elastic = new ArrayList<>();
        for (ElasticSpec e : cfg.elastic()) {
            Potential ref = PotentialSpec.parse(e.potential());
            Structure cell = e.unitCell(ref, cfg.basis().r0());
            String name = String.format(java.util.Locale.ROOT, "%s %s a=%.6f %s", e.lattice(), e.species(),
                    cell.cell().get(0, 0), e.potential());
            elastic.add(ElasticObservation.of(name, ref, basis, cell, true));
        }
        // The error tables through the contracted AcePotential, not the generic LinearModel: the same model,
        // 30-70x cheaper per site at thousands of functions (Fitter.fit's errorModel).
        Fitter.Result r = Fitter.fit(basis, train, test, cfg.weights(), new ReferenceEnergies(cfg.e0()),
                cfg.configTypeWeights(), elastic, cfg.solver().create(), cfg.threads(), cfg.elasticUnit(), List.of(),
                Fitter.DESIGN_BYTES, c -> AcePotential.of(basis, c, cfg.e0()));
        AceModel model = new AceModel(cfg.basis(), cfg.e0(), r.model().coefficients());
        Map<String, Object> errors = new LinkedHashMap<>(ErrorReport.json(r));
        errors.put("config", Map.of("train", cfg.train().toString(), "test", cfg.test() == null ? "" : cfg.test().toString(),
                "weights", cfg.weights(), "elasticUnit", cfg.elasticUnit().name(), "basisSize", basis.size()));
        try {
            Files.createDirectories(out);
            model.write(out.resolve("model.json"));
            writeAtomically(out.resolve("errors.json"), MAPPER.writeValueAsString(errors));
            writeAtomically(out.resolve("errors.md"), ErrorReport.markdown(r));
        } catch (IOException e) {
            throw new InputException("cannot write the fit results to " + out + ": " + e.getMessage(), e);
        }
        return new Outcome(r, model, errors);
    }

    static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
