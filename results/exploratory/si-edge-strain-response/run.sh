#!/usr/bin/env bash
# Force error of fitted Si models (a) on homogeneously strained diamond, with the reference's internal
# relaxation, and (b) on the reference quadrupole by distance from the cores, with the local strain there.
# Usage: run.sh MODELS_DIR L QUADRUPOLE_XYZ   (MODELS_DIR = a study's models/, QUADRUPOLE_XYZ = its cached
# relaxed quadrupole); needs ./burgers and python3 with ASE (python3-ase).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
models=$(cd "$1" && pwd); l=$2; quad=$(cd "$(dirname "$3")" && pwd)/$(basename "$3")
b=${BURGERS:-$here/../../../burgers}
py=${PYTHON:-/usr/bin/python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
id=$(printf 'L%07.2f' "$l")
$b crystal --a0 5.43356 --lattice diamond --species Si --repeat 2,2,2 --out "$tmp/c.xyz" > /dev/null
echo "## homogeneous strain (F = I + eps S), internal shift relaxed with the reference: rms |F^ML - F| (meV/A)"
for kind in shear mixed; do
  for e in 0.005 0.01 0.02 0.03; do
    $py "$here/strain.py" "$tmp/c.xyz" "$e" "$kind" "$tmp/s.xyz"
    $b relax --potential builtin:Si --structure "$tmp/s.xyz" --fmax 1e-6 --out "$tmp/sr.xyz" > /dev/null
    $b eval --potential builtin:Si --structure "$tmp/sr.xyz" > "$tmp/ref.json"
    line="$kind eps=$e:"
    for c in no-elasticity cle cle-nonlinear; do
      f=$(ls "$models"/"$id"-D*-"$c".json | head -1)
      $b eval --potential "ace:$f" --structure "$tmp/sr.xyz" > "$tmp/m.json"
      v=$($py -c "
import json, numpy as np
a = np.array(json.load(open('$tmp/ref.json'))['forces']); m = np.array(json.load(open('$tmp/m.json'))['forces'])
print('%.1f' % (1000 * np.sqrt(((a - m) ** 2).mean())))")
      line="$line $c $v"
    done
    echo "$line"
  done
done
echo "## the quadrupole: median local strain (Frobenius norm of E) by distance from the nearest core (A)"
$py "$here/strainprof.py" "$quad"
echo "## the quadrupole: rms |F^ML - F| at the reference equilibrium by distance from the nearest core (meV/A, sites)"
$b eval --potential builtin:Si --structure "$quad" > "$tmp/qref.json"
for c in no-elasticity cle cle-nonlinear; do
  f=$(ls "$models"/"$id"-D*-"$c".json | head -1)
  $b eval --potential "ace:$f" --structure "$quad" > "$tmp/q-$c.json"
done
$py "$here/farforce.py" "$quad" "$tmp/qref.json" "$tmp"/q-*.json
