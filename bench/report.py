#!/usr/bin/env python3
"""Builds the markdown table of one bench/run.sh result directory: medians, spreads (min–max) and ratios."""
import csv
import statistics
import sys
from collections import defaultdict
from pathlib import Path

out = Path(sys.argv[1])
rows = list(csv.DictReader(open(out / "results.csv")))
values = defaultdict(list)
loads = defaultdict(list)
for r in rows:
    try:
        values[(r["part"], r["label"], r["metric"])].append(float(r["value"]))
    except ValueError:
        continue
    loads[r["part"]].append(float(r["load1"]))


def med(part, label, metric):
    v = values.get((part, label, metric))
    return statistics.median(v) if v else None


def cell(part, label, metric, digits=1):
    v = values.get((part, label, metric))
    if not v:
        return "—"
    m = statistics.median(v)
    if len(v) == 1:
        return f"{m:.{digits}f}"
    return f"{m:.{digits}f} ({min(v):.{digits}f}–{max(v):.{digits}f})"


def ratio(a, b, digits=2):
    if a is None or b is None or b == 0:
        return "—"
    return f"{a / b:.{digits}f}×"


def load(part):
    v = loads.get(part)
    return f"load1 {min(v):.2f}–{max(v):.2f}" if v else ""


print(f"## Results {out.name}\n")
print("```")
print((out / "machine.txt").read_text().strip())
print("```\n")
print("Medians of the runs, spread (min–max) in brackets; n = number of runs.\n")

if any(k[0] == "pgbench" for k in values):
    print(f"### 1. PostgreSQL commit ceiling (pgbench, one-row INSERT + COMMIT, synchronous_commit on; {load('pgbench')})\n")
    print("| clients | transactions/s | n |")
    print("|---:|---:|---:|")
    for c in (1, 2, 4, 8):
        v = values.get(("pgbench", f"clients={c}", "tps"), [])
        print(f"| {c} | {cell('pgbench', f'clients={c}', 'tps', 0)} | {len(v)} |")
    print()

if any(k[0] == "cases" for k in values):
    print(f"### 2. P1 case throughput, Fenhe vs bare Camunda ({load('cases')})\n")
    print("| metric | Fenhe | baseline | Fenhe ÷ baseline |")
    print("|---|---:|---:|---:|")
    for metric, name in [("cases_per_s", "cases completed/s"), ("latency_p50_ms", "case latency p50 (ms)"),
                         ("latency_p95_ms", "case latency p95 (ms)"), ("commits_per_case", "engine transactions per case (xact_commit)"),
                         ("statements_per_case", "statements per case (pg_stat_statements)"),
                         ("app_cpu_ms_per_case", "app CPU per case (ms; baseline: app + client)"),
                         ("db_cpu_ms_per_case", "database CPU per case (ms)"), ("commits_per_s", "engine commits/s"),
                         ("user_tasks_per_case", "user tasks per case"), ("cases_done", "cases measured per run"),
                         ("cases_failed", "cases failed per run")]:
        f, b = med("cases", "fenhe", metric), med("cases", "baseline", metric)
        print(f"| {name} | {cell('cases', 'fenhe', metric)} | {cell('cases', 'baseline', metric)} | {ratio(f, b)} |")
    n = len(values.get(("cases", "fenhe", "cases_per_s"), []))
    print(f"\nn = {n} runs each, alternated Fenhe, baseline, Fenhe, …\n")

if any(k[0] == "tasklist" for k in values):
    print(f"### 3. Task list at scale ({load('tasklist')})\n")
    print("| query (REST) | Fenhe p50 / p95 / p99 (ms) | baseline p50 / p95 / p99 (ms) | p95 Fenhe ÷ baseline |")
    print("|---|---:|---:|---:|")
    for q, name in [("inbox", "inbox: officer with 2 candidate groups, by due date, page of 50"),
                    ("count", "inbox count"), ("deadlines", "GET /api/deadlines (supervisor, all, page of 50)"),
                    ("deadlines-overdue", "GET /api/deadlines?state=overdue (supervisor)"),
                    ("deadlines-officer", "GET /api/deadlines (the officer)"),
                    ("todo", "GET /api/workbench/todo (the officer, 20,000 candidate tasks, page of 20)"),
                    ("todo-deep", "GET /api/workbench/todo?page=50&size=100 (the officer)"),
                    ("todo-search", "GET /api/workbench/todo?q=… (the officer, search by business key)")]:
        def trio(kind):
            if ("tasklist", f"{kind}-{q}", "p95_ms") not in values:
                return "—"
            return " / ".join(cell("tasklist", f"{kind}-{q}", m) for m in ("p50_ms", "p95_ms", "p99_ms"))
        f, b = med("tasklist", f"fenhe-{q}", "p95_ms"), med("tasklist", f"baseline-{q}", "p95_ms")
        print(f"| {name} | {trio('fenhe')} | {trio('baseline')} | {ratio(f, b)} |")
    print()

if any(k[0] == "timers" for k in values):
    print(f"### 4. Working-day timers due at the same moment ({load('timers')})\n")
    print("| metric | Fenhe |")
    print("|---|---:|")
    for metric, name in [("timers", "timers"), ("all_fired_after_ms", "all fired after (ms from due)"),
                         ("fire_delay_median_ms", "firing delay median (ms)"), ("fire_delay_max_ms", "firing delay max (ms)"),
                         ("successful_job_runs", "successful job runs"), ("jobs_run_twice", "jobs run more than once"),
                         ("timer_activities_twice", "timer events passed twice in one case"),
                         ("failed_job_runs", "failed job runs"), ("cases_ended", "cases ended"), ("left_unfired", "left unfired")]:
        print(f"| {name} | {cell('timers', 'fenhe', metric, 0)} |")
    print()

if any(k[0] == "startup" for k in values):
    print(f"### 5. Start-up and memory ({load('startup')})\n")
    print("| metric | Fenhe | baseline | Fenhe ÷ baseline |")
    print("|---|---:|---:|---:|")
    for metric, name in [("startup_ms", "start-up: launch → REST answers (ms)"), ("rss_mib", "RSS after start (MiB)")]:
        f, b = med("startup", "fenhe", metric), med("startup", "baseline", metric)
        print(f"| {name} | {cell('startup', 'fenhe', metric, 0)} | {cell('startup', 'baseline', metric, 0)} | {ratio(f, b)} |")
    print(f"\nn = {len(values.get(('startup', 'fenhe', 'startup_ms'), []))} Fenhe starts, "
          f"{len(values.get(('startup', 'baseline', 'startup_ms'), []))} baseline starts (every start of every part)\n")

print("### Goals\n")
print("| goal | figure | met? |")
print("|---|---:|:---:|")


def goal(name, value, ok, fmt):
    if value is None:
        print(f"| {name} | not measured | — |")
    else:
        print(f"| {name} | {fmt.format(value)} | {'yes' if ok(value) else 'no'} |")


f, b = med("cases", "fenhe", "cases_per_s"), med("cases", "baseline", "cases_per_s")
goal("Fenhe ≥ 1.0× baseline case throughput", f / b if f and b else None, lambda v: v >= 1.0, "{:.2f}×")
ceiling = max([med("pgbench", f"clients={c}", "tps") or 0 for c in (1, 2, 4, 8)]) or None
cps = med("cases", "fenhe", "commits_per_s")
goal("engine commits/s at saturation ≥ 50% of pgbench ceiling", cps / ceiling if cps and ceiling else None,
     lambda v: v >= 0.5, "{:.0%}")
goal("inbox p95 ≤ 50 ms", med("tasklist", "fenhe-inbox", "p95_ms"), lambda v: v <= 50, "{:.1f} ms")
goal("workbench todo p95 ≤ 150 ms", med("tasklist", "fenhe-todo", "p95_ms"), lambda v: v <= 150, "{:.1f} ms")
goal("deadlines p95 ≤ 200 ms", med("tasklist", "fenhe-deadlines", "p95_ms"), lambda v: v <= 200, "{:.1f} ms")
goal("a due timer fires within 2 s median", med("timers", "fenhe", "fire_delay_median_ms"), lambda v: v <= 2000, "{:.0f} ms")
goal("start-up ≤ 20 s", med("startup", "fenhe", "startup_ms"), lambda v: v <= 20000, "{:.0f} ms")
goal("RSS ≤ 700 MiB", med("startup", "fenhe", "rss_mib"), lambda v: v <= 700, "{:.0f} MiB")
