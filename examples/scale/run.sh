#!/usr/bin/env bash
# Runs the Spark recipe (candor_spark.py) on a local standalone Spark cluster and checks it
# against `candor score` on the same files.
#
#   bash examples/scale/run.sh [COUNT]        # default 20000 transcripts
#
# 1. makes a virtual environment (target/scale/venv) with the pinned PySpark, pyarrow and
#    pandas (requirements.txt), and installs the candor wheel built in release mode;
# 2. generates COUNT transcripts in mixed formats (examples/gen_corpus.rs), ~65 KB each,
#    and eight files that must be error rows, passed over, or read in spite of their name;
# 3. times `candor score --format csv` on this machine (all cores): the reference rows and
#    the baseline; then `--format jsonl` (not timed) for the findings;
# 4. starts a Spark master and two workers of one core each (on 127.0.0.1), runs the recipe
#    on them through spark-submit, and stops them, adding up the CPU time of every Spark
#    process meanwhile (cpu.py);
# 5. checks that the recipe's rows equal the CLI's, file for file, and its findings the
#    CLI's reports' (check.py); prints the throughput of both: wall time, and CPU time,
#    which a shared machine disturbs much less.
#
# Needs Java 17 or 21 (Spark 4), Python 3.11 or later with venv, and the network the first
# time (about 600 MB of Python packages). Not run in CI: 20,000 transcripts take some
# minutes. WORK=dir puts its files elsewhere (default target/scale, about 3 GB).
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-20000}
work=${WORK:-target/scale}
target=${CARGO_TARGET_DIR:-target}
here=examples/scale

missing() {
  echo "error: $1" >&2
  exit 1
}

# Java: Spark 4 runs on Java 17 or 21, found through JAVA_HOME or on the PATH.
java=java
[ -n "${JAVA_HOME:-}" ] && java=$JAVA_HOME/bin/java
install_java="install a JDK 17 or 21 (Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless; \
Fedora: sudo dnf install java-17-openjdk-headless; macOS: brew install openjdk@17) or set JAVA_HOME to one"
command -v "$java" >/dev/null || missing "no Java ($java): Spark needs it; $install_java"
java_version=$("$java" -version 2>&1 | sed -n 's/.* version "\([0-9][0-9]*\).*/\1/p' | head -1)
[ "${java_version:-0}" -ge 17 ] ||
  missing "$("$java" -version 2>&1 | head -1) is too old: Spark 4 needs Java 17 or later; $install_java"

# Python: 3.11 or later (pandas 3 and numpy 2.4), with venv.
python=${PYTHON:-python3}
command -v "$python" >/dev/null || missing "no $python: install Python 3.11+ (Debian: sudo apt-get install python3 python3-venv)"
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
  missing "$("$python" --version 2>&1) is too old: the recipe's environment needs Python 3.11 or later (PYTHON=python3.12 to pick one)"
"$python" -c 'import venv, ensurepip' 2>/dev/null ||
  missing "$python cannot make a virtual environment (Debian/Ubuntu: sudo apt-get install python3-venv)"
command -v cargo >/dev/null || missing "no cargo: install Rust from https://rustup.rs"

mkdir -p "$work"
work=$(cd "$work" && pwd)
venv=$work/venv
log=$work/logs
mkdir -p "$log"

echo "== environment: $venv (Java $java_version, $("$python" --version))"
stamp="$(sha256sum "$here/requirements.txt" | cut -c1-16)-$("$python" --version)"
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$venv/.candor-stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$venv"
  "$python" -m venv "$venv"
  echo "   installing PySpark, pyarrow, pandas, maturin (once; a few minutes)"
  "$venv/bin/pip" install -q -r "$here/requirements.txt"
  echo "$stamp" > "$venv/.candor-stamp"
fi

echo "== build: the CLI, the corpus generator and the wheel (release)"
cargo build --release --locked --quiet --bin candor --example gen_corpus
rm -rf "$work/wheel"
"$venv/bin/maturin" build --release --locked --quiet --manifest-path crates/candor-python/Cargo.toml \
  --interpreter "$venv/bin/python" --out "$work/wheel"
"$venv/bin/pip" install -q --no-deps --force-reinstall "$work"/wheel/candor-*.whl

corpus=$work/corpus
if [ "$(cat "$work/corpus.count" 2>/dev/null)" != "$count" ]; then
  echo "== corpus: $count transcripts"
  rm -rf "$corpus" "$work/corpus.count"
  "$target/release/examples/gen_corpus" "$corpus" "$count"
  # And the files a real archive holds beside its transcripts, which must come out as
  # they do in `candor score`: error rows for an empty file, a binary one and a broken
  # Word document; passed over, a meeting's chat log, notes, a recording's settings and a
  # PDF; an extension in capitals read as any other.
  edge=$corpus/edge
  mkdir -p "$edge"
  : > "$edge/empty.txt"
  for _ in $(seq 64); do printf '\000\001\002\003\377\376\375\374'; done > "$edge/noise.txt"
  printf 'PK\003\004\024\000\006\000' > "$edge/broken.docx"
  printf '10:01:33\t From Ana to Everyone : hello\n10:02:10\t From Bo to Everyone : the link?\n' \
    > "$edge/meeting_saved_chat.txt"
  printf 'Call Tom on Friday about the planning sheet.\n' > "$edge/notes.txt"
  printf '{"meeting": "weekly", "attendees": 4}\n' > "$edge/zoom.conf.json"
  printf '%%PDF-1.7\n' > "$edge/consent.pdf"
  cp "$(find "$corpus" -name '*.vtt' | sort | head -1)" "$edge/CALL.VTT"
  echo "$count" > "$work/corpus.count"
fi
bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
files=$(find "$corpus" -type f | wc -l)
cores=$(nproc)

echo "== candor score on this machine ($cores cores; load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
# Its exit code says whether findings or errors were found; the output is what counts.
rm -f "$work/cli.csv" "$work/cli.jsonl"
# Wall time, and CPU time (user + system), which depends much less on what else runs.
TIMEFORMAT='%R %U %S'
{ time "$target/release/candor" score "$corpus" --format csv -o "$work/cli.csv" --no-progress \
  > "$log/cli-summary.txt" 2> "$log/cli-errors.txt" || true; } 2> "$log/cli-time.txt"
read -r cli_s cli_user cli_sys < "$log/cli-time.txt"
"$target/release/candor" score "$corpus" --format jsonl -o "$work/cli.jsonl" --no-progress --verbose \
  > /dev/null 2> "$log/cli-verbose.txt" || true
[ -s "$work/cli.csv" ] && [ -s "$work/cli.jsonl" ] || missing "candor score wrote no output; see $log/cli-summary.txt"

echo "== a Spark cluster: one master, two workers of one core each"
spark_home=$("$venv/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')
export SPARK_HOME=$spark_home JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")}
export PYSPARK_PYTHON=$venv/bin/python PYSPARK_DRIVER_PYTHON=$venv/bin/python
export SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_DIRS=$work/spark-tmp
rm -rf "$work"/spark-work-*
# The CPU time of every Spark process (they all run from $work), until the cluster stops.
"$venv/bin/python" "$here/cpu.py" "$work/" "$log/spark-cpu.txt" &
sampler=$!
pids=()
stop() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
}
trap stop EXIT
"$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port 7077 --webui-port 8090 > "$log/master.log" 2>&1 &
pids+=($!)
for i in 1 2; do
  "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores 1 --memory 3g --webui-port 809$i \
    --work-dir "$work/spark-work-$i" spark://127.0.0.1:7077 > "$log/worker-$i.log" 2>&1 &
  pids+=($!)
done
n=0
for _ in $(seq 120); do
  n=$(cat "$log"/worker-*.log | grep -c "Successfully registered with master" || true)
  [ "$n" = 2 ] && break
  sleep 0.5
done
[ "$n" = 2 ] || missing "the Spark workers did not register (is port 7077 free?); see $log/master.log and worker-*.log"

echo "== the recipe on the cluster (load average now: $(cut -d' ' -f1-3 /proc/loadavg); log: $log/recipe.log)"
rm -rf "$work/out"
t0=$(date +%s%N)
"$SPARK_HOME/bin/spark-submit" --master spark://127.0.0.1:7077 \
  --conf spark.executor.cores=1 --conf spark.executor.memory=2g \
  --conf spark.ui.enabled=false --conf spark.sql.files.openCostInBytes=1048576 \
  "$here/candor_spark.py" "file://$corpus" "$work/out" > "$log/recipe.out" 2> "$log/recipe.log" ||
  missing "the recipe failed; see $log/recipe.log"
spark_ms=$((($(date +%s%N) - t0) / 1000000))
job_s=$(tail -1 "$log/recipe.out" | "$venv/bin/python" -c 'import json, sys; print(json.load(sys.stdin)["seconds"])')
stop
trap - EXIT
kill -TERM "$sampler" && wait "$sampler"
spark_cpu=$(head -1 "$log/spark-cpu.txt")
spark_cpu_by=$(tail -n +2 "$log/spark-cpu.txt" | awk '$2 >= 0.5 {printf "%s%s %s s", (n++ ? ", " : ""), $1, $2}')
# What a real cluster's workers spend: the executors' JVMs and their Python workers.
executors_cpu=$(awk '$1 == "executor-jvm" || $1 == "python-workers" {s += $2} END {print s + 0}' "$log/spark-cpu.txt")
analysers=$(cat "$work"/spark-work-*/app-*/*/stderr 2>/dev/null | grep -c "an analyser in process" || true)
executors=$(ls -d "$work"/spark-work-*/app-*/* 2>/dev/null | wc -l)

echo "== check: the recipe's rows and findings against candor score's"
"$venv/bin/python" "$here/check.py" "$work/out" "$work/cli.csv" "$work/cli.jsonl" "$log/cli-verbose.txt"
echo "   $analysers candor.Analyzer built, in $executors executors (one per Python worker process); the recipe: $(tail -1 "$log/recipe.out")"

"$venv/bin/python" - "$files" "$bytes" "$cores" "$cli_s" "$cli_user" "$cli_sys" "$job_s" "$spark_ms" "$spark_cpu" "$spark_cpu_by" "$executors_cpu" <<'EOF'
import sys
n, mb, cores = int(sys.argv[1]), int(sys.argv[2]) / 1e6, int(sys.argv[3])
cli, cli_cpu = float(sys.argv[4]), float(sys.argv[5]) + float(sys.argv[6])
job, spark, spark_cpu = float(sys.argv[7]), float(sys.argv[8]) / 1000, float(sys.argv[9])
print(f"\n{n} files, {mb:,.1f} MB (10^6 bytes), {cores} cores\n")
print("| run | seconds | files/s | MB/s | CPU seconds | MB per CPU second |")
print("|---|---:|---:|---:|---:|---:|")
rows = (
    (f"`candor score --format csv`, {cores} threads", cli, cli_cpu),
    ("Spark, 2 workers × 1 core: the job (list, read, analyse, write Parquet)", job, None),
    ("Spark: the whole `spark-submit`, with its start-up", spark, spark_cpu),
)
executors_cpu = float(sys.argv[11])
for name, s, cpu in rows:
    c = f"{cpu:.1f} | {mb / cpu:.1f}" if cpu else " | "
    print(f"| {name} | {s:.1f} | {n / s:,.0f} | {mb / s:.1f} | {c} |")
print(f"\nSpark's CPU seconds are every process of the cluster, from its start to its stop: {sys.argv[10]}.")
print(f"The executors alone (JVMs and Python workers), as on a cluster's worker nodes: "
      f"{executors_cpu:.1f} CPU seconds, {mb / executors_cpu:.1f} MB per CPU second, "
      f"{n / executors_cpu:.0f} files per CPU second.")
EOF
