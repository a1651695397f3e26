"""F^ML(ybar) by distance from the nearest core, for every model of a study.

Usage (from the repository root, after the study has run with its cache):
    python3 results/exploratory/w-screw-ybar-forces/ybar_force_shells.py STUDY_DIR CACHE/quadrupole-KEY.xyz [CORES]

Each model OUT/models/<id>.json is evaluated with `./burgers eval` on the cached reference equilibrium ybar
(where the reference's own forces are below fmax). CORES is a JSON list of the in-plane core positions
[[x, y], ...] as `./burgers dislocation --kind quadrupole` prints them; the default is the w-screw
quadrupole at N = 120 r0.
Needs numpy and ase (python3-ase).
"""
import glob
import json
import os
import subprocess
import sys

import numpy as np
from ase.io import read

study, ybar = sys.argv[1], sys.argv[2]
a = read(ybar)
cores = np.array(json.loads(sys.argv[3]))[:, :2] if len(sys.argv) > 3 else np.array(
    [[93.6797, 94.0948], [282.3224, 94.8357], [93.6797, 283.7663], [282.3224, 283.0254]])
lx, ly = a.cell.array[0, 0], a.cell.array[1, 1]
xy = a.positions[:, :2]
r = np.full(len(a), 1e9)
for c in cores:
    d = xy - c
    d[:, 0] = (d[:, 0] + lx / 2) % lx - lx / 2
    d[:, 1] = (d[:, 1] + ly / 2) % ly - ly / 2
    r = np.minimum(r, np.hypot(d[:, 0], d[:, 1]))
shells = [(0, 5.5), (5.5, 10), (10, 20), (20, 40), (40, 1e9)]
names = " / ".join(f"{lo:g}-{hi:g}" if hi < 1e8 else f">{lo:g}" for lo, hi in shells)
print(f"| experiment | test F RMSE (meV/A) | F^ML(ybar) rms, {names} A from the nearest core (meV/A) "
      "| share of sum F^2 within 20 A |")
print("|---|---|---|---|")
for m in sorted(glob.glob(os.path.join(study, "models", "*.json"))):
    ident = os.path.basename(m)[:-5]
    ev = subprocess.run([os.environ.get("BURGERS", "./burgers"), "eval", "--potential", "ace:" + m, "--structure", ybar],
                        capture_output=True, text=True, check=True)
    f = np.array(json.loads(ev.stdout)["forces"])
    e = json.load(open(os.path.join(study, "experiments", ident + ".json")))
    vals = [1000 * np.sqrt((f[(r >= lo) & (r < hi)] ** 2).mean()) for lo, hi in shells]
    share = (f[r < 20] ** 2).sum() / (f ** 2).sum()
    print(f"| {ident} | {e['testForceRmse']:.2f} | " + " / ".join(f"{v:.3g}" for v in vals) + f" | {share:.2f} |")
print("atoms per shell:", [int(((r >= lo) & (r < hi)).sum()) for lo, hi in shells])
