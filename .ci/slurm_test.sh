#!/usr/bin/env bash
# Slurm integration test of `lipf sweep --emit slurm`: starts a private single-node Slurm cluster
# on this machine (munge and Slurm daemons with their own socket, configuration and state under a
# temporary folder), submits the emitted job array of a tiny four-run sweep, waits for it, collects
# the summary and checks that every run finished; then marks one run as interrupted (as a killed
# task leaves it), resubmits the array and checks that only that run ran again, restarted from its
# last snapshot. Runs as root (CI does); stops its daemons and removes its folder on exit.
# Uses the Slurm ports 6817/6818 of this machine: do not run two at once.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if ! command -v sbatch >/dev/null || ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends slurm-wlm munge
fi

work=$(mktemp -d /tmp/lipf-slurm-XXXXXX)
chmod 755 "$work"
cleanup() {
  set +e
  [ -n "${SLURM_CONF:-}" ] && scancel --full --quiet -u root 2>/dev/null
  pids=()
  for pidfile in "$work/slurmd.pid" "$work/slurmctld.pid" "$work/munge/munged.pid"; do
    [ -f "$pidfile" ] && pids+=("$(cat "$pidfile")")
  done
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do   # up to 10 s each to stop, then killed
    for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null
  done
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "slurm_test: FAILED: $*" >&2
  for log in "$work"/*.log "$work"/munge/*.log; do [ -f "$log" ] && { echo "--- $log"; tail -n 30 "$log"; } >&2; done
  exit 1
}

# munge: the system key if there is one, else a fresh one; a private socket
mkdir -p "$work/munge"
key=/etc/munge/munge.key
if [ ! -s "$key" ]; then
  mkdir -p /etc/munge
  dd if=/dev/urandom bs=1 count=1024 of="$key" status=none
fi
chown munge:munge "$key" "$work/munge" 2>/dev/null || true
chmod 400 "$key"
chmod 755 "$work/munge"  # munged wants its socket folder searchable by all
mkdir -p /var/lib/munge /var/log/munge && chown munge:munge /var/lib/munge /var/log/munge 2>/dev/null || true
runuser -u munge -- munged --socket="$work/munge/munge.sock" --pid-file="$work/munge/munged.pid" \
  --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed" --key-file="$key" || fail "munged did not start"

# a one-node cluster on this host
host=$(hostname -s)
cpus=$(nproc)
export SLURM_CONF="$work/slurm.conf"
cat > "$SLURM_CONF" <<CONF
ClusterName=lipfci
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge/munge.sock
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=ci Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
mkdir -p "$work/state" "$work/spool"
slurmctld || fail "slurmctld did not start"
slurmd || fail "slurmd did not start"
for i in $(seq 60); do
  state=$(sinfo -h -o %T 2>/dev/null | head -n1 || true)
  [ "$state" = idle ] && break
  sleep 1
done
[ "$state" = idle ] || fail "the node is not idle after 60 s (state '$state')"
echo "slurm_test: single-node Slurm up ($cpus CPUs)"

sweep=sweep/src/test/resources/tiny/tiny-sweep.yaml
out="$root/target/ci-slurm-sweep"
rm -rf "$out"
./lipf sweep "$sweep" --emit slurm -o "$out" --cpus-per-task 1
runs=$(grep -vc '^#' "$out/slurm/tasks.tsv")
[ "$runs" = 4 ] || fail "expected 4 tasks, got $runs"
timeout 600 sbatch --wait "$out/slurm/sweep.sbatch" || fail "the job array failed"

check_summary() {
  ./lipf sweep "$sweep" --collect -o "$out" || fail "collect: not every run finished"
  finished=$(awk -F, 'NR > 1 && $4 == "finished"' "$out/summary.csv" | wc -l)
  [ "$finished" = "$runs" ] || { cat "$out/summary.csv" >&2; fail "summary.csv lists $finished finished runs of $runs"; }
}
check_summary
echo "slurm_test: $runs array tasks finished, summary.csv complete"

# resume: a run left 'running' by a killed task (run.json says running, its last snapshot gone)
# restarts from its last remaining snapshot; the others are skipped
victim=$(awk -F'\t' '$1 == 1 {print $2}' "$out/slurm/tasks.tsv")
sed -i 's/"status" : "finished"/"status" : "running"/' "$out/runs/$victim/run.json"
grep -q '"status" : "running"' "$out/runs/$victim/run.json" || fail "could not mark $victim as running"
last=$(ls "$out/runs/$victim/snapshots" | sort | tail -n1)
rm "$out/runs/$victim/snapshots/$last"
resume_from=$(ls "$out/runs/$victim/snapshots" | sort | tail -n1)
[ "$resume_from" != step_00000000.h5 ] || fail "expected a snapshot between the first and the last"
timeout 600 sbatch --wait "$out/slurm/sweep.sbatch" || fail "the resubmitted job array failed"
grep -q "restarts from $resume_from" "$out/runs/$victim/lipf.log" || fail "$victim did not restart from $resume_from"
[ -f "$out/runs/$victim/snapshots/$last" ] || fail "$victim did not run on to $last"
others=$(grep -l "is already finished" "$out"/runs/*/lipf.log | wc -l)
[ "$others" = $((runs - 1)) ] || fail "expected $((runs - 1)) runs skipped on resubmission, got $others"
check_summary
echo "slurm_test: resubmission restarted the interrupted run from its snapshot and skipped the others"
echo "slurm_test: passed"
