#!/usr/bin/env bash
# gongkai benchmark: builds the release binary, generates corpora with bench/gen_corpus.py and
# times `gongkai --root DIR check` (and `gongkai --root DIR build --output DIR/public` once the
# binary has a `build` command) on a RAM disk and on the normal disk.
#
#   bash bench/run.sh [--full] [--repeat R] [--seed S] [--drop-caches] [--keep] [--no-build]
#                     [--catalogue-only]
#
#   --full         also N = 100000 (default: 1000 and 10000)
#   --peers        also run ../shared/peers/compare.sh 1000 and 10000 (Hugo side by side) for the
#                  aims table
#   --catalogue-only  only the catalogue's measurement: builds of a site of 70 reports and
#                  D = 1000 and 10000 documents (gen_corpus.py --documents D; with --full also
#                  100000), on the RAM disk if there is one (the rows' N is D there)
#   --repeat R     timed runs per measurement (default 3)
#   --seed S       corpus seed (default 1)
#   --drop-caches  root only: `sync; echo 3 > /proc/sys/vm/drop_caches` before every disk run,
#                  so disk runs read cold (default: warm page cache, like a rebuild after an edit)
#   --keep         keep the corpora afterwards (default: delete them)
#   --no-build     skip `cargo build --release` and time the existing target/release/gongkai
#                  ($CARGO_TARGET_DIR/release/gongkai when CARGO_TARGET_DIR is set)
#
# Locations (override with BENCH_SHM_DIR / BENCH_DISK_DIR; BENCH_BASH_TIME=1 forces the fallback):
#   RAM disk  /dev/shm/gongkai-bench/<N>
#   disk      <repo>/target/bench/<N>
#
# Generation is not timed. Each corpus is validated once, untimed, with `check --deny-warnings`
# (this also warms the page cache and makes the site's memo, .gongkai-cache/); the timed `check`
# and `build` runs are clean (--no-cache), then one `check` recalls every report from the memo;
# every timed run is reported: wall time, reports/s, CPU time,
# peak RSS (from /usr/bin/time -v), exit code and (build) the output size, and a Markdown table
# closes the output, then a table of the aims of issue #16, each measured figure beside its target
# (the ratios to Hugo with --peers, 100,000 reports with --full; the build cache: the same
# 10,000-report build again unchanged, then after one edit; the preview's start and update, and,
# when node and Chromium are there, the edited page and the listings in the browser).
# Each build also reports its search index (entries, shards, bytes, the
# milliseconds the index took, through GONGKAI_BENCH_SEARCH), and bench/search_stats.py says what
# typical queries of 2–4 characters download from it. A build is skipped when the previous size's output per report, scaled up,
# would not fit in the free space of the location (or, on the RAM disk, in available memory).
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root" || exit 2

full=0 repeat=3 seed=1 drop=0 keep=0 build=1 catalogue_only=0 peers=0
while (($#)); do
    case $1 in
        --full) full=1 ;;
        --repeat) repeat=${2:?--repeat needs a number}; shift ;;
        --seed) seed=${2:?--seed needs a number}; shift ;;
        --drop-caches) drop=1 ;;
        --keep) keep=1 ;;
        --no-build) build=0 ;;
        --catalogue-only) catalogue_only=1 ;;
        --peers) peers=1 ;;
        -h|--help) sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

shm_base=${BENCH_SHM_DIR:-/dev/shm/gongkai-bench}
disk_base=${BENCH_DISK_DIR:-$root/target/bench}
sizes=(1000 10000)
((full)) && sizes+=(100000)

log() { printf '%s\n' "$*" >&2; }

# ---- build -------------------------------------------------------------------------------
bin=${CARGO_TARGET_DIR:-$root/target}/release/gongkai
if ((build)); then
    log "== cargo build --release"
    cargo build --release || { log "cargo build failed (use --no-build to time the existing binary)"; exit 2; }
else
    log "== --no-build: timing the existing $bin ($(date -r "$bin" '+%F %T' 2>/dev/null || echo missing))"
fi
[[ -x $bin ]] || { log "no binary at $bin"; exit 2; }

# ---- timing tool -------------------------------------------------------------------------
timev=0
if [[ -n ${BENCH_BASH_TIME:-} ]]; then
    :   # testing aid: force the bash `time` fallback
elif [[ -x /usr/bin/time ]]; then
    timev=1
elif [[ $EUID -eq 0 && -z ${CI:-} ]]; then
    log "== /usr/bin/time missing: apt-get install -y time"
    if apt-get install -y time >&2 && [[ -x /usr/bin/time ]]; then timev=1; fi
fi
((timev)) || log "!! /usr/bin/time unavailable: falling back to bash time; peak memory unknown"

has_build=0
if "$bin" --help 2>/dev/null | grep -qE '^[[:space:]]+build([[:space:]]|$)'; then has_build=1; fi

if ((drop)) && [[ $EUID -ne 0 ]]; then
    log "!! --drop-caches needs root: disk runs stay warm"
    drop=0
fi

shm_ok=1
if [[ ! -d /dev/shm || ! -w /dev/shm ]] && [[ -z ${BENCH_SHM_DIR:-} ]]; then
    log "!! /dev/shm is not writable: RAM-disk runs skipped"
    shm_ok=0
fi

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //')
log "== $($bin --version) ($(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')), $(nproc) CPU(s)${cpu:+: $cpu}"
log "== build command: $( ((has_build)) && echo yes || echo 'no (only check is timed)')"
log "== disk of $disk_base: $(df -P "$(dirname "$disk_base")" 2>/dev/null | awk 'NR==2{print $1" ("$6")"}')"

log "== load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the figures)"

rows=()   # Markdown table rows
search_rows=()   # the search index's share of each build
declare -A query_done=() cache_done=() cache_hit=() cache_edit=() build_wall=() build_rss=() build_cores=() check_memo=()
last_wall="" last_rss="" last_cpu=""
query_tables=()   # bench/search_stats.py per size
export GONGKAI_BENCH_SEARCH=1
bytes_per_report=0   # measured by the last build, to foresee the next one's output

# build_fits N DIR LOC: whether a build of N reports is expected to fit where DIR is.
build_fits() {
    local n=$1 dir=$2 loc=$3
    ((bytes_per_report > 0)) || return 0
    local need=$((bytes_per_report * n * 3 / 2))
    local free=$(($(df -Pk "$dir" | awk 'NR==2{print $4}') * 1024))
    if [[ $loc == shm ]]; then
        local mem=$(($(awk '/MemAvailable/{print $2}' /proc/meminfo) * 1024 * 7 / 10))
        ((mem < free)) && free=$mem
    fi
    if ((need > free)); then
        log "!! build N=$n on $loc skipped: ~$((need >> 30)) GiB of output expected, $((free >> 30)) GiB usable"
        rows+=("| $n | $loc | build | — | skipped: ~$((need >> 30)) GiB output, $((free >> 30)) GiB usable | | | | | |")
        return 1
    fi
}

# measure LABEL_N LOCATION COMMAND_NAME RUN -- argv...
measure() {
    local n=$1 loc=$2 what=$3 run=$4
    shift 5
    local tf out err start end rc wall rss cpu_s
    tf=$(mktemp) out=$(mktemp) err=$(mktemp)
    if ((timev)); then
        start=$(date +%s%N)
        /usr/bin/time -v -o "$tf" "$@" >"$out" 2>"$err"
        rc=$?
        end=$(date +%s%N)
        rss=$(awk -F': ' '/Maximum resident set size/{printf "%.1f", $2/1024}' "$tf")
        cpu_s=$(awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{printf "%.2f", u+s}' "$tf")
    else
        local TIMEFORMAT='%U %S'
        start=$(date +%s%N)
        { time "$@" >"$out" 2>"$err"; } 2>"$tf"
        rc=$?
        end=$(date +%s%N)
        rss=unknown
        cpu_s=$(awk 'END{printf "%.2f", $1+$2}' "$tf")
    fi
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.3f", (b-a)/1e9}')
    local rps
    rps=$(awk -v n="$n" -v w="$wall" 'BEGIN{ if (w > 0) printf "%.0f", n/w; else print "inf" }')
    local summary idx
    summary=$(tail -n1 "$out" | tr -d '\n')
    # The search index's own line (GONGKAI_BENCH_SEARCH): entries, shards, bytes, milliseconds.
    idx=$(grep -m1 '^search-index ' "$err")
    sed -i '/^search-index /d' "$err"
    [[ -s $err ]] && summary="$summary $(head -c 200 "$err" | tr '\n' ' ')"
    [[ -n $idx ]] && search_rows+=("| $n | $loc | $run | $(awk '{for(i=2;i<=NF;i++){split($i,a,"=");printf "%s | ", a[2]}}' <<<"$idx")")
    local out_mb="—"
    if [[ $what == build* && -d $dir/public ]]; then
        local bytes
        bytes=$(du -sb "$dir/public" | cut -f1)
        out_mb=$(awk -v b="$bytes" 'BEGIN{printf "%.0f", b/1048576}')
        bytes_per_report=$((bytes / n))
    fi
    last_wall=$wall last_rss=$rss last_cpu=$cpu_s
    log "   $what N=$n $loc run $run: wall ${wall}s, ${rps} reports/s, cpu ${cpu_s}s, peak ${rss} MiB, exit $rc, output ${out_mb} MiB  [$summary]"
    rows+=("| $n | $loc | $what | $run | $wall | $rps | $cpu_s | $rss | $rc | $out_mb |")
    rm -f "$tf" "$out" "$err"
}

declare -a made_dirs=()
report_sizes=("${sizes[@]}")
((catalogue_only)) && report_sizes=()
for n in "${report_sizes[@]}"; do
    locs=()
    ((shm_ok)) && locs+=("shm:$shm_base/$n")
    locs+=("disk:$disk_base/$n")
    first=""
    for spec in "${locs[@]}"; do
        loc=${spec%%:*} dir=${spec#*:}
        rm -rf "$dir"
        mkdir -p "$(dirname "$dir")"
        made_dirs+=("$dir")
        if [[ -z $first ]]; then
            log "== generating N=$n into $dir (untimed)"
            python3 "$here/gen_corpus.py" --reports "$n" --out "$dir" --seed "$seed" || { log "generation failed"; exit 2; }
            first=$dir
        else
            log "== copying the N=$n corpus to $dir (untimed)"
            cp -a "$first" "$dir"
        fi
        log "== validating $dir: check --deny-warnings (untimed)"
        vout=$("$bin" --root "$dir" check --deny-warnings 2>&1)
        vrc=$?
        log "   exit $vrc: $(tail -n1 <<<"$vout")"
        ((vrc == 0)) || log "!! the corpus is not clean: $(head -n5 <<<"$vout")"
        for ((r = 1; r <= repeat; r++)); do
            if [[ $loc == disk ]] && ((drop)); then sync; echo 3 >/proc/sys/vm/drop_caches; fi
            measure "$n" "$loc" check "$r" -- "$bin" --root "$dir" check --no-cache
        done
        # The same with the site's memo of every report (made by the untimed check above).
        measure "$n" "$loc" "check (memo)" 1 -- "$bin" --root "$dir" check
        [[ $loc == shm || -z ${check_memo[$n]:-} ]] && check_memo[$n]=$last_wall
        if ((has_build)) && build_fits "$n" "$dir" "$loc"; then
            for ((r = 1; r <= repeat; r++)); do
                rm -rf "$dir/public"
                if [[ $loc == disk ]] && ((drop)); then sync; echo 3 >/proc/sys/vm/drop_caches; fi
                measure "$n" "$loc" build "$r" -- "$bin" --root "$dir" build --no-cache --output "$dir/public"
                [[ $loc == shm || -z ${build_wall[$n]:-} ]] && build_wall[$n]=$last_wall build_rss[$n]=$last_rss \
                    build_cores[$n]=$(awk -v c="$last_cpu" -v w="$last_wall" 'BEGIN{ if (w > 0 && c != "") printf "%.2f", c/w }')
            done
            # What a reader's query downloads (computed from the last build's search/).
            if [[ -d $dir/public/search && -z ${query_done[$n]:-} ]]; then
                query_done[$n]=1
                query_tables+=("N = $n ($loc)" "$(python3 "$here/search_stats.py" "$dir/public")" "")
            fi
            # The build cache (aim 3): the same build again, unchanged (a hit), then after one edit.
            if [[ -z ${cache_done[$n]:-} ]]; then
                cache_done[$n]=1
                # A build records the cache only when no source changed within 2 s of it
                # (the corpus was just generated): one untimed build after that, then the timed one.
                # (GONGKAI_BENCH_SEARCH asks for full builds: not here.)
                sleep 2
                env -u GONGKAI_BENCH_SEARCH "$bin" --root "$dir" build --output "$dir/public" >/dev/null 2>&1
                measure "$n" "$loc" "build (unchanged)" 1 -- env -u GONGKAI_BENCH_SEARCH "$bin" --root "$dir" build --output "$dir/public"
                cache_hit[$n]=$last_wall
                edited=$(find "$dir/content/reports" -name '2021.md' | sort | head -n1)
                sed -i '0,/^  permit: [0-9]*/s//  permit: 7/' "$edited"
                sleep 2
                measure "$n" "$loc" "build (one edit)" 1 -- env -u GONGKAI_BENCH_SEARCH "$bin" --root "$dir" build --output "$dir/public"
                cache_edit[$n]=$last_wall
            fi
            rm -rf "$dir/public"
        fi
    done
done

# The catalogue: a site of 70 reports (10 agencies) and D documents; the rows' N is D, and
# "reports/s" there is documents/s. A build writes each document's page and every listing page.
catalogue_reports=70
for d in "${sizes[@]}"; do
    ((has_build)) || break
    loc=disk dir="$disk_base/docs-$d"
    ((shm_ok)) && loc=shm dir="$shm_base/docs-$d"
    rm -rf "$dir"
    mkdir -p "$(dirname "$dir")"
    made_dirs+=("$dir")
    log "== generating $catalogue_reports reports and D=$d documents into $dir (untimed)"
    python3 "$here/gen_corpus.py" --reports "$catalogue_reports" --documents "$d" --out "$dir" --seed "$seed" ||
        { log "generation failed"; exit 2; }
    vout=$("$bin" --root "$dir" check 2>&1)
    log "   check (untimed): exit $?: $(tail -n1 <<<"$vout")"
    for ((r = 1; r <= repeat; r++)); do
        rm -rf "$dir/public"
        measure "$d" "$loc" "build (documents)" "$r" -- "$bin" --root "$dir" build --output "$dir/public"
    done
    log "   pages of the catalogue: $(find "$dir/public/documents" -name index.html 2>/dev/null | wc -l)"
    rm -rf "$dir/public"
done

# The preview's rebuild after one edit, at N = 10,000 (its own log line "已重新生成，用时 X 毫秒":
# started without LANG and LC_*, gongkai speaks its default language, Chinese).
serve_rows=()
serve_edit() {
    local dir=$1 log_file pid report line
    local t0 ready home url
    log_file=$(mktemp)
    t0=$(date +%s%N)
    # The preview's folder beside the corpus (on the RAM disk when the corpus is), as the README
    # advises for a large site (TMPDIR=/dev/shm).
    env -u LANG -u LC_ALL -u LC_MESSAGES -u LANGUAGE TMPDIR="$(dirname "$dir")" \
        "$bin" --root "$dir" serve --port 0 >"$log_file" 2>&1 &
    pid=$!
    # Ready: the address is printed (the first build is checked; its pages are served as they
    # are written), then the home page answered.
    for _ in $(seq 1 30000); do grep -q '^正在预览 ' "$log_file" && break; sleep 0.02; done
    ready=$((($(date +%s%N) - t0) / 1000000))
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$log_file" | head -n1)
    home=""
    if command -v curl >/dev/null && [[ -n $url ]]; then
        curl -s -o /dev/null --max-time 600 "$url" && home=$((($(date +%s%N) - t0) / 1000000))
    fi
    echo "$ready $home" >"$serve_ready_file"
    for _ in $(seq 1 600); do grep -q '^已生成，用时 ' "$log_file" && break; sleep 1; done
    report=$(find "$dir/content/reports" -name '2021.md' | sort | head -n1)
    line=$(grep -n '^  permit: ' "$report" | head -n1 | cut -d: -f1)
    for v in 1 2 3 4 5; do
        sed -i "${line}s/^  permit: [0-9]*/  permit: $v/" "$report"
        sleep 2
    done
    kill -INT "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    # (Run in a command substitution: the start time goes through a file.)
    grep -o '^已生成，用时 [0-9]* 毫秒' "$log_file" | head -n1 | sed 's/已生成，用时 //; s/ 毫秒//' >"$serve_start_file"
    grep -o '已重新生成，用时 [0-9]* 毫秒' "$log_file" | sed 's/已重新生成，用时 //; s/ 毫秒//' | tr '\n' ' '
    rm -f "$log_file"
}
serve_start_file=$(mktemp)
serve_ready_file=$(mktemp)
for n in "${report_sizes[@]}"; do
    [[ $n == 10000 ]] || continue
    dir="$disk_base/$n"
    ((shm_ok)) && dir="$shm_base/$n"
    [[ -d $dir ]] || continue
    log "== preview: 5 edits of one report at N=$n in $dir"
    edits=$(serve_edit "$dir")
    serve_start=$(<"$serve_start_file")
    read -r serve_ready serve_home <"$serve_ready_file"
    log "   preview ready after ${serve_ready} ms (the address printed), home page answered after ${serve_home:-?} ms, first build written after ${serve_start} ms"
    serve_rows+=("| $n | $edits|")
    serve_median=$(tr ' ' '\n' <<<"$edits" | grep . | sort -n | awk '{a[NR]=$1} END{if (NR) print a[int((NR+1)/2)]}')
    # The same in Chromium (aim 4), when the browser tests can run here: tests/browser/reload.mjs
    # edits one report ten times and prints the medians of write → the edited page shown (swapped
    # in) and write → every listing correct (the `reload` event).
    report=$(find "$dir/content/reports" -name '2021.md' | sort | head -n1)
    rel=${report#"$dir/"}
    page="reports/$(basename "$(dirname "$report")")/2021/index.html"
    if command -v node >/dev/null && [[ -x ${CHROMIUM:-/usr/bin/chromium} ]]; then
        log "== preview in Chromium: tests/browser/reload.mjs, 10 edits of $rel"
        browser_log=$(TMPDIR=$(dirname "$dir") node "$root/tests/browser/reload.mjs" "$bin" "$dir" --page "$page" \
            --edit-file "$rel" --timeout-ms 60000 --start-timeout-ms 600000 2>&1)
        grep -E '^(edited page shown|     write → reload event|     medians)' <<<"$browser_log" | sed 's/^ *//' | while read -r l; do log "   $l"; done
        browser_first=$(sed -n 's/^edited page shown .* median \([0-9]*\) ms.*/\1/p' <<<"$browser_log")
        browser_listed=$(sed -n 's/^ *write → reload event .* median \([0-9]*\) ms.*/\1/p' <<<"$browser_log")
        tail -n1 <<<"$browser_log" | grep -q ' 0 failed$' || log "   reload.mjs: $(tail -n1 <<<"$browser_log")"
    else
        log "   (no node or Chromium: the browser's figures of the preview are not measured)"
    fi
done

rm -f "$serve_start_file" "$serve_ready_file"

# Hugo side by side (aims 1, 2 and 5), when asked and the peers' script is there.
declare -A peer_ratio=()
if ((peers)) && [[ -x $root/../shared/peers/compare.sh ]]; then
    for n in 1000 10000; do
        log "== ../shared/peers/compare.sh $n"
        peer_ratio[$n]=$(cd "$root" && GONGKAI=$bin ../shared/peers/compare.sh "$n" 2>/dev/null | grep '^ratio gongkai/hugo' | tail -n1)
        log "   ${peer_ratio[$n]}"
    done
fi

if ((!keep)); then
    for d in "${made_dirs[@]}"; do rm -rf "$d"; done
    rmdir "$shm_base" "$disk_base" 2>/dev/null || true
fi

log "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cache_note="warm page cache"
((drop)) && cache_note="disk runs with dropped page cache (cold)"
echo
echo "gongkai benchmark — $(nproc) CPU(s), seed $seed, $cache_note, /usr/bin/time: $( ((timev)) && echo yes || echo 'no (peak memory unknown)')"
echo
echo "| N | location | command | run | wall s | reports/s | CPU s | peak MiB | exit | output MiB |"
echo "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
if ((${#search_rows[@]})); then
    echo
    echo "Search index (part of each build above; bench/search_stats.py for what a query loads):"
    echo
    echo "| N | location | run | entries | shards | shard bytes | index ms |"
    echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${search_rows[@]}"
    echo
    printf '%s\n' "${query_tables[@]}"
fi
if ((${#serve_rows[@]})); then
    echo
    echo "| N | preview rebuild after one edit, ms (5 edits) |"
    echo "| ---: | --- |"
    printf '%s\n' "${serve_rows[@]}"
fi

# ---- the aims of issue #16, each beside its target ---------------------------------------
ratio_of() { sed -n "s/.* $1 \([0-9.]*\).*/\1/p" <<<"${peer_ratio[${2:-1000}]:-}"; }
met() { awk -v v="$1" -v t="$2" 'BEGIN{ if (v == "") print "not measured"; else if (v + 0 <= t + 0) print "met"; else print "missed" }'; }
echo
echo "| aim (issue #16) | target | measured | |"
echo "| --- | ---: | ---: | --- |"
for n in 1000 10000; do
    echo "| full build, wall time / Hugo's (N=$n, --peers) | ≤ 0.1 | $(ratio_of wall $n) | $(met "$(ratio_of wall $n)" 0.1) |"
    echo "| full build, CPU time / Hugo's (N=$n, --peers) | ≤ 0.1 | $(ratio_of cpu $n) | $(met "$(ratio_of cpu $n)" 0.1) |"
    echo "| output bytes / Hugo's (N=$n, --peers) | ≤ 2 | $(ratio_of output $n) | $(met "$(ratio_of output $n)" 2) |"
    echo "| peak memory / Hugo's (N=$n, --peers) | ≤ 0.1 | $(ratio_of mem $n) | $(met "$(ratio_of mem $n)" 0.1) |"
done
echo "| cores busy during a full build of 10,000 (CPU time / wall time) | near $(nproc) | ${build_cores[10000]:-} | |"
echo "| build of 100,000 reports, s (--full) | ≤ 12 | ${build_wall[100000]:-} | $(met "${build_wall[100000]:-}" 12) |"
echo "| build of 100,000 reports, peak MiB (--full) | ≤ 1024 | ${build_rss[100000]:-} | $(met "${build_rss[100000]:-}" 1024) |"
echo "| unchanged 10,000-report site built again, s | ≤ 0.5 | ${cache_hit[10000]:-} | $(met "${cache_hit[10000]:-}" 0.5) |"
echo "| the same after editing one report, s (the other reports recalled from the memo) | ≤ 1 | ${cache_edit[10000]:-} | $(met "${cache_edit[10000]:-}" 1) |"
echo "| check of 10,000 reports with the memo, s (no target: for comparison with \`check --no-cache\`) | — | ${check_memo[10000]:-} | |"
echo "| preview of 10,000 reports ready after start (the home page answered; its folder beside the corpus), ms | ≤ 2000 | ${serve_home:-} | $(met "${serve_home:-}" 2000) |"
echo "| preview of 10,000 reports: its first build written whole, ms (no target) | — | ${serve_start:-} | |"
echo "| preview: edited page shown in Chromium after the write, ms (median of 10, reload.mjs) | ≤ 100 | ${browser_first:-} | $(met "${browser_first:-}" 100) |"
echo "| preview: every listing correct in Chromium after the write, ms (median of 10, reload.mjs) | ≤ 300 | ${browser_listed:-} | $(met "${browser_listed:-}" 300) |"
echo "| preview: whole update after one edit, ms (its terminal's 已重新生成, median of 5) | — | ${serve_median:-} | |"
