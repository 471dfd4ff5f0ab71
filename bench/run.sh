#!/usr/bin/env bash
# Benchmark of the nightly job: selection speed, end-to-end letters/s, letter size, peak heap, naive baseline.
# See BENCHMARKS.md. Every parameter can be overridden from the environment or as NAME=VALUE arguments:
#
#   bench/run.sh                               # the full benchmark (1M rows, 100k letters, 3 runs each)
#   bench/run.sh --quick                       # a smoke run in about a minute
#   bench/run.sh ROWS=200000 DUE=10000 RUNS=1  # anything in between
#
# Parameters (defaults in brackets):
#   ROWS [1000000]      rows of the registry (valid rows; 13 invalid rows are added)
#   DUE [100000]        residents due on the run date (the generator's --due-share is derived from it)
#   BASELINE_DUE [5000] due residents of the naive-baseline run (0 = skip the baseline)
#   RUNS [3]            runs per measurement; the table shows the median
#   HEAP [256m]         -Xmx of every run
#   RUN_DATE [2026-11-24]  run date (= the generator's --from)
#   SEED [20261124]     generator seed
#   OUT [target/bench]  work folder (registries, run folders, logs, results.md)
#   SKIP_E2E [0]        1 = measure the selection only
#   JAVA_OPTS [-XX:+UseParallelGC]  JVM options for the job runs: the throughput collector, as the README
#                       recommends for large runs (G1 spends about a third of a 256 MB run in pauses)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

for arg in "$@"; do
    case "$arg" in
        --quick) ROWS=${ROWS:-20000}; DUE=${DUE:-300}; BASELINE_DUE=${BASELINE_DUE:-100}; RUNS=${RUNS:-1} ;;
        *=*) export "${arg?}" ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) echo "bench/run.sh: unknown argument $arg (NAME=VALUE or --quick)" >&2; exit 2 ;;
    esac
done
ROWS=${ROWS:-1000000}
DUE=${DUE:-100000}
BASELINE_DUE=${BASELINE_DUE:-5000}
RUNS=${RUNS:-3}
HEAP=${HEAP:-256m}
RUN_DATE=${RUN_DATE:-2026-11-24}
SEED=${SEED:-20261124}
OUT=${OUT:-target/bench}
SKIP_E2E=${SKIP_E2E:-0}
JAVA_OPTS=${JAVA_OPTS--XX:+UseParallelGC}

if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
    JAVA_HOME=$(bin/find-jdk)
fi
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
JAR=target/expiry-notices.jar
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---------------------------------------------------------------- build
if [ ! -f "$JAR" ] || [ -n "$(find src/main pom.xml -newer "$JAR" -print -quit)" ]; then
    log "building $JAR"
    ./mvnw -B -q -o -DskipTests package || ./mvnw -B -q -DskipTests package
fi

# ---------------------------------------------------------------- registries
# Of the rows whose earliest expiry the generator puts in the window, about 91 % are selected (the others have no
# certificate, mail held, or a 29 February birthday moved out of the window): the share is sized for DUE letters.
share() { awk -v d="$1" -v r="$2" 'BEGIN { s = d / (0.91 * r); if (s > 1) s = 1; printf "%.6f", s }'; }
generate() { # file rows due
    local file=$1 rows=$2 due=$3
    if [ ! -f "$file" ]; then
        log "generating $file: $rows rows, ~$due due on $RUN_DATE"
        "$JAVA" tools/RegistryGenerator.java --seed="$SEED" --rows="$rows" --bad-rows=13 --from="$RUN_DATE" \
            --due-share="$(share "$due" "$rows")" --out="$file.tmp"
        mv "$file.tmp" "$file"
    fi
}
MAIN_CSV="$OUT/registry-${ROWS}-due${DUE}-seed${SEED}.csv"
generate "$MAIN_CSV" "$ROWS" "$DUE"
if [ "$BASELINE_DUE" -gt 0 ] && [ "$SKIP_E2E" != 1 ]; then
    BASE_ROWS=$(( ROWS * BASELINE_DUE / DUE ))
    BASE_CSV="$OUT/registry-${BASE_ROWS}-due${BASELINE_DUE}-seed${SEED}.csv"
    generate "$BASE_CSV" "$BASE_ROWS" "$BASELINE_DUE"
fi

# ---------------------------------------------------------------- one run
# run NAME INDEX CSV [job options...]
#   -> prints "rc wall_s select_rows_per_s rows letters letter_bytes peak_heap_mb render_s"
run() {
    local name=$1 i=$2 csv=$3
    shift 3
    local dir="$OUT/runs/$name-$i"
    rm -rf "$dir"
    mkdir -p "$dir"
    local t0 t1 rc=0
    t0=$(date +%s.%N)
    # shellcheck disable=SC2086
    "$JAVA" -Xmx"$HEAP" -Xlog:gc:file="$dir/gc.log" $JAVA_OPTS -jar "$JAR" --input="$csv" --output-dir="$dir/out" \
        --run-date="$RUN_DATE" \
        "--spring.datasource.url=jdbc:hsqldb:file:$dir/data/notices;hsqldb.write_delay=false;shutdown=true" \
        "$@" > "$dir/job.log" 2>&1 || rc=$?
    t1=$(date +%s.%N)
    local wall select_rate rows letters bytes peak
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
    select_rate=$(grep -o 'select: [0-9]* rows ([0-9]*/s) completed' "$dir/job.log" | tail -1 \
        | sed -E 's/.*\(([0-9]+)\/s\).*/\1/' || true)
    local summary="$dir/out/$RUN_DATE/summary.csv"
    rows=$(awk -F, '$1 == "rows_read" { print $2 }' "$summary" 2>/dev/null || true)
    letters=$(awk -F, '$1 == "letters" { print $2 }' "$summary" 2>/dev/null || true)
    bytes=0
    if [ -d "$dir/out/$RUN_DATE/letters" ]; then
        bytes=$(find "$dir/out/$RUN_DATE/letters" -name '*.pdf' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    fi
    # Heap in use after each collection (-Xlog:gc "before->after(committed)"): the largest is the peak we report.
    peak=$(grep -oE '[0-9]+M->[0-9]+M' "$dir/gc.log" 2>/dev/null | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1)
    # Render rate: letters / time from the end of selection to the last render worker's end (includes the short
    # sequence step); this is what the letter-font path changes, without JVM start, selection, bundle and verify.
    # Times of day: a run across midnight adds a day to the end.
    local render_s
    render_s=$(awk '
        function t(s) { split(substr(s, 12, 12), a, ":"); return a[1] * 3600 + a[2] * 60 + a[3] }
        / select: [0-9]+ rows .* completed/ { s = t($1) }
        / render-[0-9]+: .* completed/ { e = t($1) }
        END { if (s > 0 && e > 0 && e < s) e += 86400; if (s > 0 && e > s) printf "%.2f", e - s; else print 0 }' "$dir/job.log")
    echo "$rc $wall ${select_rate:-0} ${rows:-0} ${letters:-0} $bytes ${peak:-0} $render_s"
    # Letters are large (100k letters are several GB): keep the logs, drop the PDFs of finished runs.
    rm -rf "$dir/out/$RUN_DATE/letters" "$dir/out/$RUN_DATE/print" "$dir/data"
}

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# measure NAME CSV [job options...] -> runs RUNS times; sets M_* medians and M_OK
measure() {
    local name=$1 csv=$2
    shift 2
    local results=()
    for i in $(seq 1 "$RUNS"); do
        log "$name run $i/$RUNS (load average $(cut -d' ' -f1-3 /proc/loadavg))"
        local r
        r=$(run "$name" "$i" "$csv" "$@")
        log "$name run $i: rc wall select/s rows letters bytes peakMB render_s = $r"
        results+=("$r")
    done
    M_OK=yes
    for r in "${results[@]}"; do [ "${r%% *}" = 0 ] || M_OK="NO (exit ${r%% *})"; done
    col() { for r in "${results[@]}"; do echo "$r" | awk -v c="$1" '{ print $c }'; done | median; }
    M_WALL=$(col 2); M_SELECT=$(col 3); M_ROWS=$(col 4); M_LETTERS=$(col 5); M_PEAK=$(for r in "${results[@]}"; do echo "$r" | awk '{ print $7 }'; done | sort -n | tail -1)
    M_LETTERS_PER_S=$(for r in "${results[@]}"; do echo "$r" | awk '{ if ($2 > 0) printf "%.1f\n", $5 / $2; else print 0 }'; done | median)
    M_ROWS_PER_S=$(for r in "${results[@]}"; do echo "$r" | awk '{ if ($2 > 0) printf "%.0f\n", $4 / $2; else print 0 }'; done | median)
    M_RENDER_LPS=$(for r in "${results[@]}"; do echo "$r" | awk '{ if ($8 > 0) printf "%.1f\n", $5 / $8; else print 0 }'; done | median)
    M_KB=$(for r in "${results[@]}"; do echo "$r" | awk '{ if ($5 > 0) printf "%.1f\n", $6 / $5 / 1024; else print 0 }'; done | median)
}

# ---------------------------------------------------------------- measurements
log "selection: $ROWS rows, --dry-run, -Xmx$HEAP, $RUNS runs"
measure select "$MAIN_CSV" --dry-run
SEL_OK=$M_OK; SEL_STEP=$M_SELECT; SEL_CMD=$M_ROWS_PER_S; SEL_WALL=$M_WALL; SEL_PEAK=$M_PEAK; SEL_ROWS=$M_ROWS

if [ "$SKIP_E2E" != 1 ]; then
    log "end to end: $ROWS rows, ~$DUE letters, -Xmx$HEAP, $RUNS runs (shared font subset: the fast path)"
    measure e2e "$MAIN_CSV" --notices.letter.shared-font-subset=true
    E2E_OK=$M_OK; E2E_LPS=$M_LETTERS_PER_S; E2E_RLPS=$M_RENDER_LPS; E2E_KB=$M_KB; E2E_WALL=$M_WALL; E2E_PEAK=$M_PEAK; E2E_LETTERS=$M_LETTERS
    if [ "$BASELINE_DUE" -gt 0 ]; then
        log "naive baseline: $BASE_ROWS rows, ~$BASELINE_DUE letters, font subset per letter, $RUNS runs"
        measure baseline "$BASE_CSV" --notices.letter.shared-font-subset=false
        BASE_OK=$M_OK; BASE_LPS=$M_LETTERS_PER_S; BASE_RLPS=$M_RENDER_LPS; BASE_KB=$M_KB; BASE_WALL=$M_WALL; BASE_PEAK=$M_PEAK
        BASE_LETTERS=$M_LETTERS
    fi
fi

# ---------------------------------------------------------------- machine and table
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
CORES=$(nproc)
RAM=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
JDK=$("$JAVA" -version 2>&1 | head -1)
OS="$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME"), kernel $(uname -r)"
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo "+dirty")

RESULTS="$OUT/results.md"
{
    echo "## Benchmark $(date -u +%Y-%m-%dT%H:%MZ), commit $COMMIT"
    echo
    echo "Machine: $CPU, $CORES cores, $RAM RAM; $JDK; $OS; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "Parameters: ROWS=$ROWS DUE=$DUE BASELINE_DUE=$BASELINE_DUE RUNS=$RUNS HEAP=$HEAP RUN_DATE=$RUN_DATE SEED=$SEED (medians of $RUNS runs; peak heap = largest of the runs)."
    echo
    echo "| measurement | value |"
    echo "| --- | --- |"
    echo "| selection, select step ($SEL_ROWS rows, --dry-run) | **$SEL_STEP rows/s** (target >= 250000) |"
    echo "| selection, whole dry-run command incl. JVM start and report | $SEL_CMD rows/s ($SEL_WALL s) |"
    echo "| selection peak heap (-Xmx$HEAP), succeeded | $SEL_PEAK MB, $SEL_OK |"
    if [ "$SKIP_E2E" != 1 ]; then
        echo "| end to end ($E2E_LETTERS letters of $SEL_ROWS rows: select, render, bundle, verify, report) | **$E2E_LPS letters/s** ($E2E_WALL s) |"
        echo "| render step alone (partitioned, $(nproc) threads by default) | $E2E_RLPS letters/s |"
        echo "| average letter file | $E2E_KB KB/letter |"
        echo "| end-to-end peak heap (-Xmx$HEAP), succeeded | $E2E_PEAK MB, $E2E_OK |"
        if [ "$BASELINE_DUE" -gt 0 ]; then
            echo "| naive baseline (font subset per letter; $BASE_LETTERS letters) | render $BASE_RLPS letters/s; end to end $BASE_LPS letters/s ($BASE_WALL s); $BASE_KB KB/letter; peak heap $BASE_PEAK MB; succeeded $BASE_OK |"
            echo "| speed-up of the render step, fast path / baseline | $(awk -v a="$E2E_RLPS" -v b="$BASE_RLPS" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "n/a" }') |"
        fi
    fi
    echo
    echo "Logs and GC logs of every run: $OUT/runs/."
} > "$RESULTS"
cat "$RESULTS"
