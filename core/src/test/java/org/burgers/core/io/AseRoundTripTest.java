package org.burgers.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.burgers.core.structure.Element;
import org.burgers.core.structure.Structure;
import org.burgers.core.testing.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extended XYZ through ASE itself (Debian python3-ase, /usr/bin/python3): ours -> ASE read/write -> ours,
 * and ASE -> ours read/write -> ASE. Labels travel as ASE keeps them: energy, forces and stress in a
 * SinglePointCalculator, virial in atoms.info. ASE prints positions with 8 decimals ("%16.8f"), which sets
 * the tolerance of positions and forces (all per-atom real columns); info values it prints in full precision.
 */
class AseRoundTripTest {
    static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsAse() {
        Assumptions.assumeTrue(run(null, "import ase") == 0,
                "skipped: " + PYTHON + " cannot import ase (install the Debian package python3-ase)");
    }

    /** Runs python with the given code; returns the exit code (stdout/stderr are echoed on failure). */
    static int run(Path dir, String code, String... args) {
        try {
            String[] cmd = new String[3 + args.length];
            cmd[0] = PYTHON;
            cmd[1] = "-c";
            cmd[2] = code;
            System.arraycopy(args, 0, cmd, 3, args.length);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            if (p.exitValue() != 0) {
                System.err.println(out);
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static Structure sample() {
        Structure s = Fixtures.rattle(Fixtures.bcc("Ni", 2.88, 2), 0.05, 3).deformed(Fixtures.randomStrain(0.05, 4));
        Element[] el = s.elements();
        for (int i = 1; i < el.length; i += 2) {
            el[i] = Element.of("Al");
        }
        return new Structure(s.positions(), el, s.cell());
    }

    @Test
    void oursThroughAseAndBack() throws IOException {
        Structure s = sample();
        double[] f = new double[3 * s.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = Math.cos(1.3 * i) / 7;
        }
        double[] w = {1.5, 0.25, -0.5, 0.25, 2.0, 0.125, -0.5, 0.125, 3.0};   // symmetric: ASE keeps Voigt stress
        Frame a = Frame.labelled(s, -123.456789012345, f, w).withInfo("config_type", "dipole");
        Structure slab = s.withCell(s.cell().withPbc(new boolean[] {true, true, false}));
        Frame b = Frame.labelled(slab, -7.25, f, w);
        ExtXyz.write(dir.resolve("ours.xyz"), List.of(a, b));
        // ASE reads both frames, keeps energy/forces in the calculator, turns the virial into a stress
        String py = String.join("\n",
                "import numpy as np, ase.io",
                "from ase.calculators.singlepoint import SinglePointCalculator",
                "frames = ase.io.read('ours.xyz', index=':', format='extxyz')",
                "assert len(frames) == 2, len(frames)",
                "out = []",
                "for at in frames:",
                "    e = at.get_potential_energy(); f = at.get_forces()",
                "    w = np.array(at.info.pop('virial')).reshape(3, 3)",
                "    s = -w / at.get_volume()",
                "    at.calc = SinglePointCalculator(at, energy=e, forces=f,",
                "        stress=[s[0,0], s[1,1], s[2,2], s[1,2], s[0,2], s[0,1]])",
                "    out.append(at)",
                "assert list(frames[1].pbc) == [True, True, False], frames[1].pbc",
                "assert frames[0].info['config_type'] == 'dipole'",
                "ase.io.write('ase.xyz', out, format='extxyz')");
        assertEquals(0, run(dir, py));
        List<Frame> back = ExtXyz.read(dir.resolve("ase.xyz"));
        assertEquals(2, back.size());
        for (int k = 0; k < 2; k++) {
            Frame orig = k == 0 ? a : b, got = back.get(k);
            Structure t = got.structure();
            assertArrayEquals(orig.structure().symbols(), t.symbols());
            assertArrayEquals(orig.structure().positionsView(), t.positionsView(), 1e-8);
            assertArrayEquals(orig.structure().cell().matrix(), t.cell().matrix(), 1e-12);
            assertArrayEquals(orig.structure().cell().pbc(), t.cell().pbc());
            assertEquals(orig.energy(), got.energy(), 1e-12 * Math.abs(orig.energy()));
            assertArrayEquals(f, got.forces(), 1e-8);   // a per-atom column: "%16.8f" too
            assertArrayEquals(w, got.virial(), 1e-10);   // via ASE's stress = -virial / V
        }
        assertEquals("dipole", back.get(0).configType());
    }

    @Test
    void aseThroughOursAndBack() {
        String make = String.join("\n",
                "import numpy as np, ase.io",
                "from ase.build import bulk",
                "from ase.calculators.singlepoint import SinglePointCalculator",
                "rng = np.random.default_rng(7)",
                "frames = []",
                "for k in range(3):",
                "    at = bulk('Si', 'diamond', a=5.43, cubic=True)",
                "    at.set_cell(at.cell @ (np.eye(3) + 0.03 * rng.standard_normal((3, 3))), scale_atoms=True)",
                "    at.rattle(0.05, seed=k)",
                "    at.pbc = [True, k != 1, True]",
                "    at.info['config_type'] = 'rattled_%d' % k",
                "    at.calc = SinglePointCalculator(at, energy=-4.6 * len(at) + 0.1 * k,",
                "        forces=rng.standard_normal((len(at), 3)), stress=rng.standard_normal(6) * 1e-2)",
                "    frames.append(at)",
                "ase.io.write('from_ase.xyz', frames, format='extxyz')",
                "np.save('ref.npy', np.array([[at.get_potential_energy()] + list(at.get_stress()) for at in frames]))");
        assertEquals(0, run(dir, make));
        List<Frame> frames = ExtXyz.read(dir.resolve("from_ase.xyz"));
        assertEquals(3, frames.size());
        assertEquals(8, frames.get(0).structure().size());
        assertEquals("rattled_1", frames.get(1).configType());
        ExtXyz.write(dir.resolve("ours.xyz"), frames);
        String check = String.join("\n",
                "import numpy as np, ase.io",
                "a = ase.io.read('from_ase.xyz', index=':'); b = ase.io.read('ours.xyz', index=':')",
                "assert len(a) == len(b) == 3",
                "for x, y in zip(a, b):",
                "    assert (x.numbers == y.numbers).all()",
                "    assert np.allclose(x.positions, y.positions, atol=1e-12, rtol=0)",
                "    assert np.allclose(x.cell, y.cell, atol=1e-12, rtol=0)",
                "    assert list(x.pbc) == list(y.pbc), (x.pbc, y.pbc)",
                "    assert abs(x.get_potential_energy() - y.get_potential_energy()) < 1e-12",
                "    assert np.allclose(x.get_forces(), y.get_forces(), atol=1e-12, rtol=0)",
                "    assert np.allclose(x.get_stress(), y.get_stress(), atol=1e-14, rtol=0)",
                "    assert x.info['config_type'] == y.info['config_type']");
        assertEquals(0, run(dir, check));
        // and our reading of ASE's stress is the virial -stress * V
        Frame f0 = frames.get(0);
        double[] stress = (double[]) f0.info().get("stress");
        assertEquals(-stress[0] * f0.structure().cell().volume(), f0.virial()[0], 1e-12);
    }
}
