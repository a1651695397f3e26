#!/usr/bin/env bash
# Side-by-side timing of bcc W with w_eam4.fs: LAMMPS (lmp, one process, OMP_NUM_THREADS=1) against ours with
# 1 thread and with all cores, same structure and potential file, in one run. Sizes are n for n^3 bcc cubes
# (2 n^3 atoms); default 20 40 = 16,000 and 128,000 atoms. Usage: benchmarks/lammps/compare-eam.sh [n ...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
(cd "$root" && mvn -q -B -DskipTests -pl benchmarks -am package >&2)
mods=""
for m in core potentials ace fitting simulation analysis benchmarks; do
  mods="$mods:$root/$m/target/burgers-$m-0.1.0-SNAPSHOT.jar"
done
exec java -Xmx6g -cp "${mods#:}:$(cat "$root/benchmarks/target/classpath.txt")" org.burgers.benchmarks.EamVsLammps "$@"
