#!/usr/bin/env python3
"""Clamped-ion C44 of diamond Si for potential specifications, by central differences of the virial.

Usage: c44_clamped.py SPEC [SPEC ...]     (env BURGERS: the burgers launcher, default ./burgers)
e.g.   c44_clamped.py builtin:Si ace:results/paper/si-edge/models/L0008.00-D14-cle.json

The 8-atom cubic cell at a0 = 5.43356 A (the reference's) is sheared by eps_yz = +-1e-3 with the atoms
carried along (no internal relaxation); C44 = d sigma_yz / d(2 eps_yz), sigma = -W / V with W the virial of
`burgers eval`. `burgers elastic` gives the relaxed-ion constants; the difference is the internal relaxation.
Needs python3 with ase and numpy.
"""
import json, os, subprocess, sys, tempfile
import numpy as np
from ase.build import bulk
from ase.io import write

burgers = os.environ.get("BURGERS", "./burgers")
a0, d = 5.43356013716506, 1e-3
EV_A3_GPA = 160.21766208


def sigma_yz(spec, eps, path):
    at = bulk("Si", "diamond", a=a0, cubic=True)
    f = np.eye(3)
    f[1, 2] = f[2, 1] = eps
    at.set_cell(at.cell.array @ f.T, scale_atoms=True)
    write(path, at, format="extxyz")
    out = subprocess.run([burgers, "eval", "--potential", spec, "--structure", path], check=True,
                         capture_output=True, text=True).stdout
    w = np.array(json.loads(out.strip().splitlines()[-1])["virial"])
    return -w[1, 2] / at.get_volume()


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "sheared.xyz")
    for spec in sys.argv[1:]:
        c44 = (sigma_yz(spec, d, path) - sigma_yz(spec, -d, path)) / (2 * d) / 2 * EV_A3_GPA
        print("%s: clamped-ion C44 = %.1f GPa" % (spec, c44))
