#!/usr/bin/env bash
# Runs every benchmark, the storm simulation and the 429 window, then writes benchmarks/RESULTS.md.
#
#   benchmarks/run.sh            short mode: all benchmarks with -prof gc, 1 fork, in well under
#                                10 minutes on 2 cores (build included)
#   benchmarks/run.sh --full     3 forks and twice the iterations, for figures to publish
#   benchmarks/run.sh --no-build use benchmarks/target/benchmarks.jar as it is
#
# Raw output (JMH's JSON, the storm's and the 429 window's TSVs, load samples) goes to
# benchmarks/results/, which git ignores. Only 127.0.0.1 is ever contacted; every loop is bounded.
set -euo pipefail

cd "$(dirname "$0")/.."
command_line="benchmarks/run.sh${*:+ $*}"
mode=short
build=yes
for arg in "$@"; do
  case "$arg" in
    --full) mode=full ;;
    --no-build) build=no ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

jar=benchmarks/target/benchmarks.jar
out=benchmarks/results
if [[ $build == yes ]]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
mkdir -p "$out"
rm -f "$out/jmh.json" "$out/storm.tsv" "$out/window.tsv" "$out/origins.tsv" "$out/load.txt" \
  "$out/run.properties"

# The load average every 5 s: time figures mean little without it on a shared 2-core machine.
( while true; do echo "$(date +%s) $(cat /proc/loadavg 2>/dev/null || echo '? ? ?')"; sleep 5; done ) \
  >"$out/load.txt" &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true' EXIT

if [[ $mode == full ]]; then
  jmh_opts=(-f 3 -wi 5 -w 1s -i 10 -r 1s)
else
  jmh_opts=(-f 1 -wi 5 -w 1s -i 5 -r 1s)
fi
jmh_cmd=(java -jar "$jar" "${jmh_opts[@]}" -prof gc -rf json -rff "$out/jmh.json")
storm_cmd=(java -cp "$jar" io.httptriage.benchmarks.StormSimulation "$out/storm.tsv" 5000)
# The 429 window (issue 16): about 12 s per contender at most, about a minute in all.
window_cmd=(java -cp "$jar" io.httptriage.benchmarks.RateLimitWindow "$out/window.tsv" "$out/origins.tsv")

started=$(date -u +'%Y-%m-%d %H:%M UTC')
"${jmh_cmd[@]}" | tee "$out/jmh.log"
"${storm_cmd[@]}"
"${window_cmd[@]}"
finished=$(date -u +'%Y-%m-%d %H:%M UTC')

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git status --porcelain -- core okhttp-adapter jdk-httpclient-adapter benchmarks/src 2>/dev/null) ]]; then
  commit="$commit (with uncommitted changes)"
fi
{
  echo "command=$command_line"
  echo "mode=$mode"
  echo "started=$started"
  echo "finished=$finished"
  echo "commit=$commit"
  echo "jmh=${jmh_cmd[*]}"
  echo "storm=${storm_cmd[*]}"
  echo "window=${window_cmd[*]}"
} >"$out/run.properties"

java -cp "$jar" io.httptriage.benchmarks.report.ResultsReport "$out" benchmarks/RESULTS.md benchmarks/analysis.md
echo "run.sh: wrote benchmarks/RESULTS.md"
