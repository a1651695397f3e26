package org.burgers.analysis.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.burgers.ace.basis.AceBasis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code burgers ace basis}: number of basis functions, in total and by body order. */
@Command(name = "basis", mixinStandardHelpOptions = true,
        description = "Count the ACE basis functions; prints {\"size\": n, \"byOrder\": {\"pair\": .., \"2\": .., ...}}.")
final class AceBasisCommand implements Callable<Integer> {
    @Mixin
    AceBasisOptions options;

    @Override
    public Integer call() {
        AceBasis b = new AceBasis(options.spec());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("size", b.size());
        out.put("byOrder", b.countsByOrder());
        System.out.println(Json.write(out));
        return 0;
    }
}
