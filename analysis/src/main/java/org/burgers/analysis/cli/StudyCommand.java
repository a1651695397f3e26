package org.burgers.analysis.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.burgers.analysis.study.Progress;
import org.burgers.analysis.study.StudyDocument;
import org.burgers.analysis.study.StudyRunner;
import org.burgers.core.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code burgers study}: runs (or resumes) a generalisation study from a preset or a study document,
 * writing each experiment to DIR/experiments/ as it finishes and the report to DIR. Progress on stderr; the
 * path of the report and a summary of its rates on stdout (JSON).
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Run or resume a generalisation study (paper section 4.2): fits on dipole cells of size L, "
                + "errors on the quadrupole of size N, rates and a report. Presets: w-screw-quick, w-screw-paper, "
                + "si-edge-quick, si-edge-paper, nial-screw-quick, nial-screw-paper, w-loop-quick, w-loop-paper.")
final class StudyCommand implements Callable<Integer> {

    @Option(names = "--preset", description = "a preset study document, e.g. w-screw-quick")
    String preset;

    @Option(names = "--config", description = "a study document (JSON, schema in docs/study.md)")
    Path config;

    @Option(names = "--out", required = true, description = "study directory (resumed if it exists)")
    Path out;

    @Option(names = "--cache", description = "cache directory of reference relaxations and labelled sets "
            + "(default: DIR/cache)")
    Path cache;

    @Option(names = "--print-document", description = "print the study document and exit")
    boolean printDocument;

    @Override
    public Integer call() {
        if ((preset == null) == (config == null)) {
            throw new InputException("give exactly one of --preset NAME and --config FILE.json");
        }
        StudyDocument doc = preset != null ? StudyDocument.preset(preset) : StudyDocument.read(config);
        if (printDocument) {
            System.out.println(Json.write(doc));
            return 0;
        }
        Path cacheDir = cache != null ? cache : out.resolve("cache");
        Map<String, Object> report = StudyRunner.create(doc).run(out, cacheDir, new Progress(System.err));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("report", out.resolve("report.md").toString());
        summary.put("rates", report.get("rates"));
        summary.put("notes", report.get("notes"));
        System.out.println(Json.write(summary));
        return 0;
    }

    static List<String> presets() {
        return StudyDocument.presets();
    }
}
