package org.burgers.analysis.cli;

import java.nio.file.Path;
import java.util.List;
import org.burgers.core.io.ExtXyz;
import org.burgers.core.io.Frame;
import picocli.CommandLine.Option;

/** The {@code --out} extended-XYZ file of the commands that write structures. */
final class XyzOutput {
    @Option(names = "--out", required = true, description = "output extended-XYZ file")
    Path out; // named after the option: picocli labels it <out>

    void write(Frame frame) {
        ExtXyz.write(out, frame);
    }

    void write(List<Frame> frames) {
        ExtXyz.write(out, frames);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
