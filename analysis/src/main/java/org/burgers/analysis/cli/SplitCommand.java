package org.burgers.analysis.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.burgers.analysis.study.ErrorProfile;
import org.burgers.analysis.study.Progress;
import org.burgers.analysis.study.ResidualSplit;
import org.burgers.analysis.study.StudyDocument;
import org.burgers.analysis.study.StudyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code burgers split DIR}: where the geometry errors of a finished study come from, near the cores or in the
 * elastic far field ({@link ResidualSplit}); writes DIR/split/, DIR/split.json and DIR/split.md.
 */
@Command(name = "split", mixinStandardHelpOptions = true,
        description = "Split the geometry error of each stored experiment of a study into the responses to the "
                + "model's residual force within and beyond the training radius of the cores (three relaxations "
                + "per experiment, resumable); writes DIR/split.md and DIR/split.json.")
final class SplitCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "study directory (with study.json, experiments/ and models/)")
    Path dir;

    @Option(names = "--cache", description = "the study's cache directory (default: DIR/cache)")
    Path cache;

    @Option(names = "--radius", defaultValue = "0.25", description = "near radius in units of L r0 (default "
            + "${DEFAULT-VALUE}: half the distance between the training dipole's cores)")
    double radius;

    @Option(names = "--cases", split = ",", description = "only these loss cases (default: all)")
    List<String> cases;

    @Option(names = "--sizes", split = ",", description = "only these training sizes L (default: all)")
    List<Double> sizes;

    @Option(names = "--profile", split = ",", description = "instead of the split: the far-only error with only "
            + "the residual beyond each of these radii (A) acting, one relaxation per radius (DIR/profile.md)")
    List<Double> profile;

    @Option(names = "--per-l", description = "the --profile radii are multiples of each experiment's L r0")
    boolean perL;

    @Option(names = "--fmax", description = "relax the reference and the model to this force tolerance (eV/A) "
            + "instead of the study's (the far-field residual can be of the order of the study's tolerance); the "
            + "splits then go to DIR/split-fmaxF/ (profiles: DIR/profile-fmaxF/)")
    Double fmax;

    @Override
    public Integer call() {
        StudyDocument doc = StudyDocument.read(dir.resolve("study.json"));
        if (fmax != null) {
            StudyDocument.Relaxation r = doc.relaxation();
            doc = doc.withRelaxation(new StudyDocument.Relaxation(r.method(), fmax, r.maxSteps()));
        }
        Set<String> c = cases == null ? null : new TreeSet<>(cases);
        Set<Double> l = sizes == null ? null : new TreeSet<>(sizes);
        Path cacheDir = cache != null ? cache : dir.resolve("cache");
        StudyRunner runner = StudyRunner.create(doc);
        if (profile != null) {
            double[] radii = profile.stream().mapToDouble(Double::doubleValue).toArray();
            List<ErrorProfile> profiles = runner.profile(dir, cacheDir, new Progress(System.err), radii, perL, c,
                    l);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("report", dir.resolve("profile" + runner.diagnosticTag(dir) + ".md").toString());
            summary.put("profiles", profiles.size());
            long failed = profiles.stream().filter(p -> java.util.Arrays.stream(p.farOnly()).anyMatch(Double::isNaN)).count();
            summary.put("failed", failed);
            System.out.println(Json.write(summary));
            return failed > 0 ? 3 : 0;
        }
        List<ResidualSplit> splits = runner.split(dir, cacheDir, new Progress(System.err), radius, c, l);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("report", dir.resolve("split" + runner.diagnosticTag(dir) + ".md").toString());
        summary.put("splits", splits.size());
        summary.put("failed", splits.stream().filter(s -> s.failure() != null).count());
        System.out.println(Json.write(summary));
        return splits.stream().anyMatch(s -> s.failure() != null) ? 3 : 0;
    }
}
