#!/usr/bin/env bash
# Runs the post-processing verbs on a LiPF run folder and checks what they write: metrics.csv with a
# row per snapshot, a PNG per rendered snapshot (morphology and one field), the time-series plot.
# Usage: .ci/check_postprocess.sh RUNDIR
set -euo pipefail
run=${1:?usage: $0 RUNDIR}
root=$(cd "$(dirname "$0")/.." && pwd)
shopt -s nullglob
snaps=("$run"/snapshots/step_*.h5)
"$root/lipf" metrics "$run" > /dev/null
rows=$(($(wc -l < "$run/metrics.csv") - 1))
[ "$rows" -eq ${#snaps[@]} ] || { echo "metrics.csv has $rows rows for ${#snaps[@]} snapshots" >&2; exit 1; }
"$root/lipf" render "$run"
"$root/lipf" render "$run" --field current --every 1000
"$root/lipf" plot "$run"
pngs=("$run"/figures/xi_step_*.png)
[ ${#pngs[@]} -eq ${#snaps[@]} ] || { echo "${#pngs[@]} morphology images for ${#snaps[@]} snapshots" >&2; exit 1; }
for f in "$run"/figures/*.png; do
  /usr/bin/python3 - "$f" <<'PY'
import struct, sys
with open(sys.argv[1], "rb") as f:
    head = f.read(24)
if head[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit(f"{sys.argv[1]}: not a PNG")
w, h = struct.unpack(">II", head[16:24])
if w < 100 or h < 100:
    sys.exit(f"{sys.argv[1]}: {w}x{h} px, too small")
PY
done
echo "postprocess: metrics ($rows rows), $(ls "$run"/figures/*.png | wc -l) images OK in $run"
