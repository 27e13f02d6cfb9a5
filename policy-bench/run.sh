#!/usr/bin/env bash
# Builds policy-bench from the sources and runs it: `policy-bench/run.sh quick` (under 10 minutes
# on a 2-core machine) or `policy-bench/run.sh full`. Extra arguments go to every JMH run, e.g.
# `policy-bench/run.sh quick -p folder=managed`. The corpus is found at ../shared/corpus from the
# repository root, or wherever POLICYSMITH_CORPUS points. Results (JSON) go to
# policy-bench/target/results-<mode>/.
set -euo pipefail

mode="${1:-quick}"
shift || true
cd "$(dirname "$0")/.."

case "$mode" in
  quick)
    # One fork and short iterations: enough for C2 to compile the hot paths, not for tight errors.
    jmh_common=(-f 1 -wi 2 -i 3 -w 2s -r 2s)
    merge=(-f 1 -wi 1 -i 1)
    # A diff of a slow pair takes ~0.1 s and its code needs ~15 s to warm up: longer iterations.
    diff_jmh=(-f 1 -wi 3 -i 3 -w 5s -r 5s)
    diff=(0 1 5 4)
    catalog_forks=5
    ;;
  full)
    jmh_common=(-f 3 -wi 5 -i 10 -w 5s -r 5s)
    merge=(-f 2 -wi 3 -i 5)
    diff_jmh=(-f 3 -wi 5 -i 10 -w 5s -r 5s)
    diff=(2 3 60 1)
    catalog_forks=20
    ;;
  *)
    echo "usage: $0 quick|full [JMH options]" >&2
    exit 2
    ;;
esac

mvn -B -q package -DskipTests -pl policy-bench -am
jar=policy-bench/target/benchmarks.jar
out="policy-bench/target/results-$mode"
mkdir -p "$out"
corpus=()
if [[ -n "${POLICYSMITH_CORPUS:-}" ]]; then
  corpus=(-Dpolicysmith.corpus="$POLICYSMITH_CORPUS")
fi

# Read, write and evaluate with the GC profiler, so allocation per operation comes with the times.
java "${corpus[@]}" -jar "$jar" 'ReadWriteBenchmark|EvaluateBenchmark' "${jmh_common[@]}" -prof gc \
  -rf json -rff "$out/read-write-evaluate.json" "$@"
# Canonicalize and merge: one call per measurement (SingleShotTime), so iterations are calls.
java "${corpus[@]}" -jar "$jar" 'MergeBenchmark' "${merge[@]}" -rf json -rff "$out/merge.json" "$@"
# Diff: the mean over all pairs and the slowest pairs under JMH, with allocation per diff.
java "${corpus[@]}" -jar "$jar" 'DiffBenchmark' "${diff_jmh[@]}" -prof gc \
  -rf json -rff "$out/diff.json" "$@"
# Diff: per-pair percentiles, which JMH does not give; a small heap shows the memory a diff needs.
java "${corpus[@]}" -Xmx256m -cp "$jar" dev.policysmith.bench.DiffPercentiles "${diff[@]}" | tee "$out/diff.txt"
# The catalogue's cold load: one call in each of several fresh JVMs (about a second a fork).
java -jar "$jar" 'CatalogLoadBenchmark' -f "$catalog_forks" -rf json -rff "$out/catalog.json"
