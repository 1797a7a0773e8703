#!/usr/bin/env bash
# Checks the HDF5 snapshots and fields.xdmf of a LiPF run folder with the reference HDF5 tools:
# h5dump -H on every snapshot (fails on any error), then .ci/check_hdf5.py (h5py).
# Usage: .ci/check_snapshots.sh RUNDIR     (needs: apt-get install hdf5-tools python3-h5py)
set -euo pipefail
run=${1:?usage: $0 RUNDIR}
here=$(cd "$(dirname "$0")" && pwd)
shopt -s nullglob
files=("$run"/snapshots/step_*.h5)
if [ ${#files[@]} -eq 0 ]; then echo "no snapshots in $run/snapshots" >&2; exit 1; fi
for f in "${files[@]}"; do
  if ! h5dump -H "$f" > /dev/null; then echo "h5dump failed on $f" >&2; exit 1; fi
done
echo "h5dump: ${#files[@]} snapshots OK"
exec /usr/bin/python3 "$here/check_hdf5.py" "$run"
