#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each one for SECONDS (default 60)
# over its seed corpus (fuzz/make_seeds.py: the fixtures, and ../shared/corpus when present) with
# its dictionary (fuzz/dict/). New inputs are kept in build/fuzz/corpus/<target>, so later runs go on
# from there; a crash or hang is written to build/fuzz/artifacts/<target>/ and makes the script fail.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]    (JIXIAO_FUZZ_JOBS=N runs N targets at a time, default 1;
#        JIXIAO_FUZZ_NO_BUILD=1 runs the targets already built)
set -euo pipefail
JIXIAO_ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$JIXIAO_ROOT/scripts/common.sh"
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(xlsx_reader_fuzz xls_reader_fuzz shared_strings_fuzz number_format_fuzz formula_fuzz
                               layout_spec_fuzz rule_language_fuzz template_tags_fuzz narrative_claims_fuzz)
B="$JIXIAO_ROOT/build/fuzz"
if [[ -z ${JIXIAO_FUZZ_NO_BUILD:-} ]]; then
  configure_and_build "$B" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DJIXIAO_FUZZ=ON -DJIXIAO_BUILD_TESTS=OFF
fi
/usr/bin/python3 "$JIXIAO_ROOT/fuzz/make_seeds.py" "$JIXIAO_ROOT" "$B/seeds" >/dev/null

dict_of() {
  case $1 in
    xlsx_reader_fuzz | shared_strings_fuzz) echo xlsx ;;
    xls_reader_fuzz) echo xls ;;
    number_format_fuzz) echo number_format ;;
    formula_fuzz) echo formula ;;
    layout_spec_fuzz) echo layout_spec ;;
    rule_language_fuzz) echo rules ;;
    template_tags_fuzz) echo template_tags ;;
    narrative_claims_fuzz) echo narrative ;;
  esac
}

run_one() {
  local t=$1
  mkdir -p "$B/corpus/$t" "$B/artifacts/$t" "$B/seeds/$t"
  # Inputs past 1 MiB are the benchmark's business; 60 s for one input is a hang (20 s gave false
  # alarms on a 2-core machine shared with builds).
  if "$B/fuzz/$t" -max_total_time="$seconds" -timeout=60 -rss_limit_mb=2048 -max_len=1048576 \
      -dict="$JIXIAO_ROOT/fuzz/dict/$(dict_of "$t").dict" -artifact_prefix="$B/artifacts/$t/" \
      -print_final_stats=1 "$B/corpus/$t" "$B/seeds/$t" > "$B/$t.log" 2>&1 &&
     ! grep -q "runtime error:" "$B/$t.log"; then  # UBSan reports and goes on: count it as a finding
    echo "$t: $(grep -E '^stat::number_of_executed_units' "$B/$t.log" | awk '{print $2}') runs," \
         "$(grep -E '^stat::new_units_added' "$B/$t.log" | awk '{print $2}') new inputs, coverage" \
         "$(grep -oE 'cov: [0-9]+' "$B/$t.log" | tail -1 | awk '{print $2}'), no crash"
  else
    echo "$t: FAILED — $(grep -m1 -E 'runtime error|ERROR|SUMMARY|Test unit written' "$B/$t.log" || true)  (log: $B/$t.log)" >&2
    return 1
  fi
}

jobs_at_once=${JIXIAO_FUZZ_JOBS:-1}
status=0
pids=()
for t in "${targets[@]}"; do
  run_one "$t" &
  pids+=($!)
  if ((${#pids[@]} >= jobs_at_once)); then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status
