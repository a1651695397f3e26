package org.burgers.analysis.cli;

import java.nio.file.Path;
import org.burgers.core.io.ExtXyz;
import org.burgers.core.io.Frame;
import org.burgers.core.structure.Structure;
import picocli.CommandLine.Option;

/** The {@code --structure} input of the commands that read one structure: the first frame of an extended-XYZ file. */
final class StructureInput {
    @Option(names = "--structure", required = true, description = "extended-XYZ file (first frame)")
    Path structure; // named after the option: picocli labels it <structure>

    Path path() {
        return structure;
    }

    Frame frame() {
        return ExtXyz.readFirst(structure);
    }

    Structure structure() {
        return frame().structure();
    }
}
