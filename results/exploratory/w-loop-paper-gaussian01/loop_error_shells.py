#!/usr/bin/env python3
"""Where the geometry error of a loop-study experiment lies: distance shells from the loop line.

Usage: loop_error_shells.py STUDY_DIR CACHE_DIR ID [ID ...]
  env BURGERS: the burgers launcher (default ./burgers)

For each experiment id (e.g. L0009.00-D14-cle) it rebuilds the loop predictor of that L
(`burgers dislocation --kind prismatic-loop`), relaxes it with the stored model
(STUDY_DIR/models/ID.json, precon-lbfgs to the study's fmax), and compares with the reference
relaxation in CACHE_DIR: the stencil norm (bcc first and second shells of the reference
lattice, as the study; it must reproduce the study's geometry error), the share of its square
from sites within 3, 6, 10, 20 A of the loop line, and the mean displacement along b of the
sites inside the loop's cylinder above and below its plane (how much wider the model opens the
removed disc). Needs python3 with ase and numpy.
"""
import glob, json, os, subprocess, sys
import numpy as np
from ase.io import read
from ase.neighborlist import neighbor_list

burgers = os.environ.get("BURGERS", "./burgers")
study, cache = sys.argv[1], sys.argv[2]
doc = json.load(open(os.path.join(study, "study.json")))
n = doc["simulationSize"]
fmax = doc["relaxation"]["fmax"]
work = os.path.join(study, "loop-shells")
os.makedirs(work, exist_ok=True)
print("| id | geometry (A): study / here | share of squared error within 3 / 6 / 10 / 20 A of the loop line | far field > rcut (A) | mean u_b inside the loop above / below (A) |")
print("|---|---|---|---|---|")
for ident in sys.argv[3:]:
    exp = json.load(open(os.path.join(study, "experiments", ident + ".json")))
    L = exp["trainingSize"]
    pred = os.path.join(work, "pred-L%g.xyz" % L)
    if not os.path.exists(pred):
        out = subprocess.run([burgers, "dislocation", "--system", "w-loop", "--kind", "prismatic-loop", "--size", "%g" % n,
                              "--diameter", "%g" % L, "--out", pred], check=True, capture_output=True, text=True).stdout
        json.dump(json.loads(out.strip().splitlines()[-1]), open(pred + ".json", "w"))
    info = json.load(open(pred + ".json"))
    ml = os.path.join(work, ident + ".xyz")
    if not os.path.exists(ml):
        subprocess.run([burgers, "relax", "--potential", "ace:" + os.path.join(study, "models", ident + ".json"),
                        "--structure", pred, "--fmax", "%g" % fmax, "--method", "precon-lbfgs", "--out", ml],
                       check=True, capture_output=True)
    # the study names its cached loops with Java's %g (six significant digits): L9.00000, L10.0000
    ref = glob.glob(os.path.join(cache, "prismatic-loop-L%#.6g-*.xyz" % L))
    a, b = read(ref[0]), read(ml)
    assert len(a) == len(b)
    C = np.diag(a.cell.array)
    lat = a.arrays["lattice"]
    sites = a.copy(); sites.positions = lat
    i, j = neighbor_list("ij", sites, (1 + 2 ** 0.5) / 2 * info["a0"])
    d = b.positions - a.positions; d -= C * np.round(d / C)
    g = ((d[i] - d[j]) ** 2).sum(1)
    c = np.array(info["cores"][0]); bv = np.array(info["burgers"][0]); nb = bv / np.linalg.norm(bv)
    p = lat - c; p -= C * np.round(p / C)
    h = p @ nb
    rho = np.sqrt(np.maximum(0, (p ** 2).sum(1) - h ** 2))
    R = L * info["a0"] / 2
    dist = np.hypot(h, rho - R)
    tot = g.sum()
    # the study's norm counts every ordered pair (i, j) once: sqrt(sum over i of sum over its neighbours j)
    shares = " / ".join("%.2f" % (g[dist[i] < r].sum() / tot) for r in (3, 6, 10, 20))
    far = np.sqrt(g[dist[i] >= doc["basis"]["rcut"]].sum())
    ub = d @ nb
    inside = rho < R
    print("| %s | %.3g / %.3g | %s | %.3g | %+.3f / %+.3f |" % (ident, exp["geometryError"], np.sqrt(tot), shares, far,
          ub[inside & (h > 0)].mean(), ub[inside & (h <= 0)].mean()))
    sys.stdout.flush()
