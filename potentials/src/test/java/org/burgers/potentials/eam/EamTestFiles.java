package org.burgers.potentials.eam;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * Small EAM files written from analytic functions, for tests: a funcfl (pair_style eam) file and a
 * two-element Finnis-Sinclair file whose cross densities differ (rho_NiAl != rho_AlNi), so that the
 * direction convention of eam/fs is tested against LAMMPS.
 */
final class EamTestFiles {
    private EamTestFiles() {
    }

    static final double CUT = 4.8;

    /** A smooth cutoff factor (1 - r/rc)^4 for r < rc. */
    static double taper(double r) {
        double x = Math.max(0, 1 - r / CUT);
        return x * x * x * x;
    }

    static Path funcfl(Path file, int z, double mass) throws IOException {
        return funcfl(file, z, mass, 500, 0.1);
    }

    static Path funcfl(Path file, int z, double mass, int nrho, double drho) throws IOException {
        return funcfl(file, z, mass, nrho, drho, 500, 1.0);
    }

    /** A funcfl file with nr r-knots; s scales the decay lengths so that two elements differ. */
    static Path funcfl(Path file, int z, double mass, int nrho, double drho, int nr, double s) throws IOException {
        double dr = CUT / (nr - 1);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("test funcfl: F = -sqrt(rho) + 0.01 rho^2, Z = 2 e^{-r} taper, rho = 4 e^{-1.5 r} taper");
            w.printf(Locale.ROOT, "%d %.4f 3.615 fcc%n", z, mass);
            w.printf(Locale.ROOT, "%d %.16e %d %.16e %.16e%n", nrho, drho, nr, dr, CUT);
            column(w, nrho, drho, x -> -Math.sqrt(x) + 0.01 * x * x);
            column(w, nr, dr, r -> 2.0 * s * Math.exp(-r * s) * taper(r));
            column(w, nr, dr, r -> 4.0 * Math.exp(-1.5 * r * s) * taper(r));
        }
        return file;
    }

    static Path finnisSinclair(Path file) throws IOException {
        int nrho = 800, nr = 600;
        double drho = 0.05, dr = CUT / (nr - 1);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("test eam/fs file with asymmetric cross densities");
            w.println("analytic functions; for tests only");
            w.println("");
            w.println("2 Ni Al");
            w.printf(Locale.ROOT, "%d %.16e %d %.16e %.16e%n", nrho, drho, nr, dr, CUT);
            w.println("28 58.6934 3.52 fcc");
            column(w, nrho, drho, x -> -2.0 * Math.sqrt(x));
            column(w, nr, dr, r -> 3.0 * Math.exp(-1.2 * r) * taper(r));        // rho_{Ni Ni}
            column(w, nr, dr, r -> 1.0 * Math.exp(-0.8 * r) * taper(r));        // rho_{Ni Al}
            w.println("13 26.981539 4.05 fcc");
            column(w, nrho, drho, x -> -1.5 * Math.sqrt(x) + 0.02 * x);
            column(w, nr, dr, r -> 5.0 * Math.exp(-1.7 * r) * taper(r));        // rho_{Al Ni}
            column(w, nr, dr, r -> 2.0 * Math.exp(-1.0 * r) * taper(r));        // rho_{Al Al}
            column(w, nr, dr, r -> r * 40.0 * Math.exp(-2.0 * r) * taper(r));   // r phi NiNi
            column(w, nr, dr, r -> r * 30.0 * Math.exp(-2.1 * r) * taper(r));   // r phi AlNi
            column(w, nr, dr, r -> r * 20.0 * Math.exp(-2.2 * r) * taper(r));   // r phi AlAl
        }
        return file;
    }

    /** Five values per line, as DYNAMO writes them; the last line may be shorter. */
    private static void column(PrintWriter w, int n, double d, DoubleUnaryOperator f) {
        for (int k = 0; k < n; k++) {
            w.printf(Locale.ROOT, "%.16e%s", f.applyAsDouble(k * d), (k % 5 == 4 || k == n - 1) ? "\n" : " ");
        }
    }
}
