#!/usr/bin/python3
"""The table bench/compare.sh prints: per job and tool the median wall time of the rounds, their range
(min–max), the median CPU time (user + system), the peak memory of any round, and the tool's median
over jixiao's (how many times longer the peer takes). Usage: compare_table.py RESULTS.tsv"""
import statistics
import sys
from collections import OrderedDict


def fmt(s):
    return f"{s:.3f}" if s < 10 else f"{s:.1f}"


rows = OrderedDict()
for line in open(sys.argv[1], encoding="utf-8"):
    job, tool, wall, cpu, rss = line.rstrip("\n").split("\t")
    rows.setdefault(job, OrderedDict()).setdefault(tool, []).append((float(wall), float(cpu), int(rss)))

print("| job | tool | median s | range s | CPU s | peak MiB | × jixiao |")
print("|---|---|---|---|---|---|---|")
for job, tools in rows.items():
    base = statistics.median(w for w, _, _ in tools["jixiao"]) if "jixiao" in tools else None
    for tool, runs in tools.items():
        walls = [w for w, _, _ in runs]
        med = statistics.median(walls)
        cpu = statistics.median(c for _, c, _ in runs)
        rss = max(m for _, _, m in runs) / 1024
        ratio = "—" if tool == "jixiao" or not base else f"{med / base:.1f}×"
        print(f"| {job} | {tool} | {fmt(med)} | {fmt(min(walls))}–{fmt(max(walls))} | {fmt(cpu)} | {rss:.0f} | {ratio} |")
