package org.burgers.analysis.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.burgers.analysis.study.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code burgers report DIR}: rebuilds report.json, report.md, report.html and the plots from stored results. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuild a study's report (report.json, report.md, report.html, PNG plots) from DIR/study.json "
                + "and the experiments stored in DIR/experiments/.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "study directory")
    Path dir;

    @Override
    public Integer call() {
        Map<String, Object> report = StudyRunner.report(dir);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("report", dir.resolve("report.md").toString());
        summary.put("rates", report.get("rates"));
        summary.put("notes", report.get("notes"));
        System.out.println(Json.write(summary));
        return 0;
    }
}
