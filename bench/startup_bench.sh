#!/usr/bin/env bash
# Start-up of each command: the trivial invocation of every subcommand on a small sample (one 公开
# table, 100 cells), run ROUNDS times (default 50) one after another, each timed from spawn to exit
# (posix_spawn + wait4, so the timer adds no shell). Prints the minimum and median wall time and the
# median CPU time (user + system) per command. The target (issue 15) is under 5 ms for any command;
# the minimum is the figure to compare on a shared machine, whose load only ever adds time.
# Usage: bench/startup_bench.sh            (a Release build, made when missing)
#        BASELINE=path/to/older/jixiao bench/startup_bench.sh   both, interleaved, with the ratio
#        JIXIAO=path/to/jixiao bench/startup_bench.sh   uses that binary
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/common.sh"
JIXIAO_ROOT=$ROOT
jixiao=${JIXIAO:-}
if [[ -z $jixiao ]]; then
  ensure_packages "${JIXIAO_BUILD_PACKAGES[@]}"
  configure_and_build "$ROOT/build/release" -DCMAKE_BUILD_TYPE=Release -DJIXIAO_BUILD_TESTS=OFF
  jixiao="$ROOT/build/release/bin/jixiao"
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
s="$ROOT/samples/openpyxl"
one="$s/001_2022_公开07表_财政拨款三公经费支出决算表.xlsx"
nine="$s/001_剑阁县医保局_2022_部门决算公开九表.xlsx"
# render's data tree as JSON: render from it needs no workbook read and no layout
"$jixiao" -q render final-accounts-report "$nine" --print-data > "$out/data.json"
# BASELINE=path/to/another/jixiao: both binaries, run in turn within each round (a fair comparison on
# a busy machine), and the ratio of their minimums.
ROUNDS=${ROUNDS:-50} /usr/bin/python3 - "$out" "$one" "$nine" "$jixiao" ${BASELINE:+"$BASELINE"} <<'EOF'
import os, statistics, sys, time
out, one, nine, *binaries = sys.argv[1:]
commands = [
    ("--version", ["--version"]),
    ("templates", ["templates"]),
    ("dump", ["dump", one]),
    ("inspect", ["inspect", one]),
    ("recompute", ["recompute", one]),
    ("check", ["check", one]),
    ("convert", ["convert", nine, "--to", "final-accounts", "-o", os.path.join(out, "c.xlsx")]),
    ("render (九表 → 决算说明)", ["render", "final-accounts-report", nine, "-o", os.path.join(out, "r.docx")]),
    ("render (JSON → 决算说明)", ["render", "final-accounts-report", os.path.join(out, "data.json"), "-o", os.path.join(out, "j.docx")]),
]
rounds = int(os.environ["ROUNDS"])
devnull = os.open(os.devnull, os.O_WRONLY)


def run(binary, label, args):
    t0 = time.perf_counter()
    pid = os.posix_spawn(binary, [binary, "-q", *args], os.environ,
                         file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{binary} {label}: exit {os.waitstatus_to_exitcode(status)}")
    return wall * 1e3, (ru.ru_utime + ru.ru_stime) * 1e3


names = ["jixiao"] if len(binaries) == 1 else ["jixiao", "baseline"]
head = "".join(f" | {n + ' min':>15} {'median':>7} {'CPU med':>7}" for n in names)
print(f"{'ms, ' + str(rounds) + ' runs each':26}{head}" + ("   baseline/jixiao (min)" if len(binaries) > 1 else ""))
for label, args in commands:
    walls = [[] for _ in binaries]
    cpus = [[] for _ in binaries]
    for b in binaries:
        run(b, label, args)  # the first run warms the page cache
    for _ in range(rounds):
        for i, b in enumerate(binaries):
            w, c = run(b, label, args)
            walls[i].append(w)
            cpus[i].append(c)
    row = "".join(f" | {min(w):15.1f} {statistics.median(w):7.1f} {statistics.median(c):7.1f}" for w, c in zip(walls, cpus))
    ratio = f"   {min(walls[1]) / min(walls[0]):.2f}x" if len(binaries) > 1 else ""
    print(f"{label:26}{row}{ratio}")
EOF
