package org.burgers.potentials.spec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.burgers.core.InputException;
import org.burgers.potentials.ParameterReader;

/**
 * The reference potentials shipped in the jar (gzipped, under {@code org/burgers/potentials/builtin/}),
 * copied from the project's {@code shared/potentials} (see PROVENANCE.md there).
 */
public enum Builtin {
    /** M.-C. Marinica, L. Ventelon, M. R. Gilbert et al., J. Phys.: Condens. Matter 25, 395502 (2013), EAM4. */
    W("w_eam4.fs.gz", "eam/fs", "Marinica, Ventelon, Gilbert et al., J. Phys.: Condens. Matter 25, 395502 (2013), EAM4"),
    /** Y. Mishin, M. J. Mehl, D. A. Papaconstantopoulos, Phys. Rev. B 65, 224114 (2002). */
    NiAl("NiAl_Mishin_2002.eam.alloy.gz", "eam/alloy",
            "Mishin, Mehl and Papaconstantopoulos, Phys. Rev. B 65, 224114 (2002)"),
    /** G. P. Purja Pun and Y. Mishin, Phys. Rev. B 95, 224103 (2017). */
    Si("Si.tersoff.modc.gz", "tersoff/mod/c", "Purja Pun and Mishin, Phys. Rev. B 95, 224103 (2017)");

    private final String resource;
    private final String scheme;
    private final String citation;

    Builtin(String resource, String scheme, String citation) {
        this.resource = resource;
        this.scheme = scheme;
        this.citation = citation;
    }

    public String scheme() {
        return scheme;
    }

    public String citation() {
        return citation;
    }

    public String resource() {
        return resource;
    }

    /** The gunzipped text of the file. */
    public ParameterReader open() {
        try (InputStream raw = Builtin.class.getResourceAsStream("/org/burgers/potentials/builtin/" + resource)) {
            if (raw == null) {
                throw new IllegalStateException("builtin potential resource " + resource + " is missing from the jar");
            }
            return ParameterReader.of("builtin:" + name() + " (" + resource + ")", new GZIPInputStream(raw));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read builtin potential " + resource, e);
        }
    }

    public static Builtin of(String name) {
        for (Builtin b : values()) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        throw new InputException("unknown builtin potential '" + name + "' (known: " + Arrays.toString(values()) + ")");
    }
}
