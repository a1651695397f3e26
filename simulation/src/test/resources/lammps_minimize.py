#!/usr/bin/env python3
"""Minimise a structure with LAMMPS (`lmp`) and report how far atoms moved.

Usage: lammps_minimize.py STRUCTURE.xyz --pair STYLE --coeff "* * FILE EL..." [--ftol 1e-10]
Potential files ending in .gz are unpacked to a temporary directory first.
Prints JSON {"natoms", "energy0", "energy1", "fmax0", "fmax1", "max_displacement", "iterations"}:
max_displacement (A) is the largest distance any atom moved (unwrapped) during the minimisation.
Fixed cell, min_style cg. Standard library only.
"""
import argparse, gzip, json, math, os, re, shlex, shutil, subprocess, sys, tempfile

MASSES = {"W": 183.84, "Si": 28.0855, "Ni": 58.6934, "Al": 26.981539}


def read_extxyz(path):
    with open(path) as fh:
        n = int(fh.readline().split()[0])
        header = fh.readline()
        lat = [float(x) for x in re.search(r'Lattice="([^"]+)"', header).group(1).split()]
        species, pos = [], []
        for _ in range(n):
            p = fh.readline().split()
            species.append(p[0])
            pos.append([float(p[1]), float(p[2]), float(p[3])])
    return [lat[0:3], lat[3:6], lat[6:9]], species, pos


def dot(a, b):
    return sum(x * y for x, y in zip(a, b))


def cross(a, b):
    return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]


def unit(a):
    n = math.sqrt(dot(a, a))
    return [x / n for x in a]


def read_dump(path, n):
    """Per-atom rows of the last snapshot: id -> floats."""
    with open(path) as fh:
        lines = fh.read().splitlines()
    start = max(i for i, l in enumerate(lines) if l.startswith("ITEM: ATOMS"))
    rows = {}
    for l in lines[start + 1:start + 1 + n]:
        p = l.split()
        rows[int(p[0])] = [float(x) for x in p[1:]]
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("structure")
    ap.add_argument("--pair", required=True)
    ap.add_argument("--coeff", required=True)
    ap.add_argument("--ftol", type=float, default=1e-10)
    ap.add_argument("--lmp", default="lmp")
    args = ap.parse_args()
    cell, species, pos = read_extxyz(args.structure)
    with tempfile.TemporaryDirectory() as tmp:
        toks = shlex.split(args.coeff)
        if toks[2].endswith(".gz"):
            plain = os.path.join(tmp, os.path.basename(toks[2])[:-3])
            with gzip.open(toks[2], "rb") as src, open(plain, "wb") as dst:
                shutil.copyfileobj(src, dst)
            toks[2] = plain
        kinds = [k for k in toks[3:]]
        ex = unit(cell[0])
        ez = unit(cross(cell[0], cell[1]))
        ey = cross(ez, ex)
        q = [ex, ey, ez]
        rot = lambda v: [dot(q[0], v), dot(q[1], v), dot(q[2], v)]
        a, b, c = rot(cell[0]), rot(cell[1]), rot(cell[2])
        data = os.path.join(tmp, "s.data")
        with open(data, "w") as fh:
            fh.write("lammps_minimize\n\n%d atoms\n%d atom types\n\n" % (len(pos), len(kinds)))
            fh.write("0 %.16g xlo xhi\n0 %.16g ylo yhi\n0 %.16g zlo zhi\n" % (a[0], b[1], c[2]))
            fh.write("%.16g %.16g %.16g xy xz yz\n\nMasses\n\n" % (b[0], c[0], c[1]))
            for i, k in enumerate(kinds):
                fh.write("%d %g\n" % (i + 1, MASSES.get(k, 1.0)))
            fh.write("\nAtoms # atomic\n\n")
            for i, (s, p) in enumerate(zip(species, pos)):
                r = rot(p)
                fh.write("%d %d %.16g %.16g %.16g\n" % (i + 1, kinds.index(s) + 1, r[0], r[1], r[2]))
        d0 = os.path.join(tmp, "d0.dump")
        d1 = os.path.join(tmp, "d1.dump")
        script = "\n".join([
            "units metal", "atom_style atomic", "boundary p p p", "atom_modify map array sort 0 0",
            "box tilt large", "read_data %s" % data,
            "pair_style %s" % args.pair, "pair_coeff %s" % " ".join(shlex.quote(t) for t in toks),
            "thermo_style custom step pe fmax", "thermo_modify format float %.17g", "run 0",
            "write_dump all custom %s id xu yu zu fx fy fz modify format float %%.17g" % d0,
            "min_style cg", "minimize 0.0 %g 100000 1000000" % args.ftol,
            "write_dump all custom %s id xu yu zu fx fy fz modify format float %%.17g" % d1,
        ]) + "\n"
        inp = os.path.join(tmp, "in.lmp")
        with open(inp, "w") as fh:
            fh.write(script)
        out = subprocess.run([args.lmp, "-in", inp, "-log", os.path.join(tmp, "log")], capture_output=True,
                             text=True, cwd=tmp)
        if out.returncode != 0:
            sys.exit("lammps_minimize: lmp failed:\n" + out.stdout[-3000:] + out.stderr[-2000:])
        n = len(pos)
        r0 = read_dump(d0, n)
        r1 = read_dump(d1, n)
        move = max(math.dist(r0[i][0:3], r1[i][0:3]) for i in r0)
        fmax = lambda r: max(abs(x) for i in r for x in r[i][3:6])
        log = out.stdout
        m = re.search(r"Energy initial, next-to-last, final =\s*\n\s*(\S+)\s+(\S+)\s+(\S+)", log)
        it = re.search(r"Iterations, force evaluations =\s*(\d+)\s+(\d+)", log)
        print(json.dumps({"natoms": n, "energy0": float(m.group(1)) if m else None,
                          "energy1": float(m.group(3)) if m else None, "fmax0": fmax(r0), "fmax1": fmax(r1),
                          "max_displacement": move, "iterations": int(it.group(1)) if it else None}))


if __name__ == "__main__":
    main()
