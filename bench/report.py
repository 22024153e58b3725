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
    if metric.startswith("cases_per_s"):
        digits = max(digits, 2)
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


def ratios(part, label_of, metric, digits=2):
    """Fenhe ÷ bare and Fenhe ÷ secured of one figure (— where a kind was not run)."""
    f = med(part, label_of("fenhe"), metric)
    return ratio(f, med(part, label_of("baseline"), metric), digits), ratio(f, med(part, label_of("secured"), metric), digits)


NAMES = {"fenhe": "Fenhe", "baseline": "bare Camunda", "secured": "secured Camunda",
         "fenhe-nocache": "Fenhe, credentials cache off", "fenhe-before": "Fenhe before (BENCH_FENHE_BEFORE_JAR)"}


def kinds(part, label_of=lambda k: k):
    return [k for k in ("fenhe", "baseline", "secured", "fenhe-nocache", "fenhe-before")
            if any(key[0] == part and key[1] == label_of(k) for key in values)]


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

CASE_METRICS = [("cases_per_s", "cases completed/s"), ("latency_p50_ms", "case latency p50 (ms)"),
                ("latency_p95_ms", "case latency p95 (ms)"), ("commits_per_case", "engine transactions per case (xact_commit)"),
                ("statements_per_case", "statements per case (pg_stat_statements)"),
                ("app_cpu_ms_per_case", "app CPU per case (ms; baselines: app + client)"),
                ("db_cpu_ms_per_case", "database CPU per case (ms)"),
                ("cpu_ms_per_case", "app + database CPU per case (ms)"), ("commits_per_s", "engine commits/s"),
                ("user_tasks_per_case", "user tasks per case"), ("cases_done", "cases measured per run"),
                ("cases_failed", "cases failed per run")]

if any(k[0] == "cases" for k in values):
    ks = kinds("cases")
    print(f"### 2. P1 case throughput, Fenhe vs bare and secured Camunda ({load('cases')})\n")
    print("| metric | " + " | ".join(NAMES[k] for k in ks) + " | Fenhe ÷ bare | Fenhe ÷ secured |")
    print("|---|" + "---:|" * (len(ks) + 2))
    for metric, name in CASE_METRICS:
        bare, secured = ratios("cases", lambda k: k, metric)
        if metric == "cases_failed":
            bare = secured = "—"
        print(f"| {name} | " + " | ".join(cell("cases", k, metric) for k in ks) + f" | {bare} | {secured} |")
    n = len(values.get(("cases", "fenhe", "cases_per_s"), []))
    print(f"\nn = {n} runs each, alternated {', '.join(ks)}, … each on a fresh database. "
          "Fenhe's figures exclude the materials uploads (below).\n")

    if any(k[0] == "uploads" for k in values):
        print("#### Fenhe's start materials (uploaded before each measured batch, not in the figures above)\n")
        uk = kinds("uploads")
        print("| metric | " + " | ".join(NAMES[k] for k in uk) + " |")
        print("|---|" + "---:|" * len(uk))
        for metric, name in [("upload_requests_per_case", "upload requests per case (one PDF each)"),
                             ("upload_p50_ms", "upload p50 (ms)"), ("upload_p95_ms", "upload p95 (ms)"),
                             ("upload_wall_ms_per_case", "upload wall time per case (ms, at the concurrency)"),
                             ("upload_commits_per_case", "transactions per case for the uploads"),
                             ("upload_statements_per_case", "statements per case for the uploads"),
                             ("upload_app_cpu_ms_per_case", "app CPU per case for the uploads (ms)"),
                             ("upload_db_cpu_ms_per_case", "database CPU per case for the uploads (ms)"),
                             ("cases_per_s_with_uploads", "cases/s counting the uploads' time"),
                             ("commits_per_case_with_uploads", "transactions per case with the uploads"),
                             ("cpu_ms_per_case_with_uploads", "app + database CPU per case with the uploads (ms)"),
                             ("upload_failed", "uploads failed per run")]:
            print(f"| {name} | " + " | ".join(cell("uploads", k, metric) for k in uk) + " |")
        print()

    def lever_table(before_kind, title, before_label, after_label):
        """One lever's before (another kind of the same runs) and after (the kind fenhe)."""
        print(f"#### {title}\n")
        print(f"| metric | {before_label} | {after_label} | after ÷ before |")
        print("|---|---:|---:|---:|")
        for metric, name in CASE_METRICS[:9]:
            print(f"| {name} | {cell('cases', before_kind, metric)} | {cell('cases', 'fenhe', metric)} | "
                  f"{ratio(med('cases', 'fenhe', metric), med('cases', before_kind, metric))} |")
        print()

    if "fenhe-nocache" in ks:
        lever_table("fenhe-nocache", "Lever 1: the verified-credentials cache (before = cache off, after = on; same runs)",
                    "before: cache off", "after: cache on (30 s)")
    if "fenhe-before" in ks:
        lever_table("fenhe-before",
                    "The lever: before = BENCH_FENHE_BEFORE_JAR, after = the jar under bench (same runs, alternated)",
                    "before", "after")

PAIRED_METRICS = [("cases_per_s", "cases/s in the window (P1 steps ended ÷ steps of one case)"),
                  ("app_cpu_ms_per_case", "app CPU per case (ms)"),
                  ("db_cpu_ms_per_case", "database CPU per case (ms; its own backends)"),
                  ("cpu_ms_per_case", "app + database CPU per case (ms)"),
                  ("commits_per_case", "engine transactions per case"), ("statements_per_case", "statements per case"),
                  ("cases_ended", "cases ended in the window"), ("steps_per_case", "steps (activity instances) of one case"),
                  ("driver_ran_out", "driver ran out of cases (should be 0)")]

if any(k[0] == "paired" for k in values):
    # the two kinds in the order they were given (before first), from results.csv
    pk = list(dict.fromkeys(r["label"] for r in rows if r["part"] == "paired"))
    a, b = pk[0], pk[-1]
    print(f"### Paired: {a} and {b} at the same time, each on its own database, measured over the same window "
          f"({load('paired')})\n")
    print(f"| metric | {a} | {b} | {b} ÷ {a} (medians) | {b} ÷ {a}, round by round |")
    print("|---|---:|---:|---:|---|")
    for metric, name in PAIRED_METRICS:
        va, vb = values.get(("paired", a, metric), []), values.get(("paired", b, metric), [])
        by_round = ", ".join(f"{y / x:.3f}×" for x, y in zip(va, vb) if x) if metric != "driver_ran_out" else ""
        r = ratio(med("paired", b, metric), med("paired", a, metric), 3) if metric != "driver_ran_out" else ""
        print(f"| {name} | {cell('paired', a, metric)} | {cell('paired', b, metric)} | {r} | {by_round} |")
    print(f"\nn = {len(values.get(('paired', a, 'cases_per_s'), []))} rounds; both apps run at once, so each has about "
          "half the machine: compare the two, not these figures with part 2's.\n")

if any(k[0] == "tasklist" for k in values):
    print(f"### 3. Task list at scale ({load('tasklist')})\n")
    tk = [k for k in ("fenhe", "baseline", "secured", "fenhe-nocache", "fenhe-before")
          if any(key[0] == "tasklist" and key[1].startswith(k + "-")
                 and not (k == "fenhe" and key[1].startswith(("fenhe-nocache-", "fenhe-before-")))
                 for key in values)]
    print("| query (REST) | " + " | ".join(f"{NAMES[k]} p50 / p95 / p99 (ms)" for k in tk)
          + " | p95 Fenhe ÷ bare | p95 Fenhe ÷ secured |")
    print("|---|" + "---:|" * (len(tk) + 2))
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
        bare, secured = ratios("tasklist", lambda k: f"{k}-{q}", "p95_ms")
        print(f"| {name} | " + " | ".join(trio(k) for k in tk) + f" | {bare} | {secured} |")
    print()

if any(k[0] == "follow" for k in values):
    print(f"### 3b. Following one case: its tasks and its process instance, as the administrator ({load('follow')})\n")
    fk = [k for k in ("fenhe", "baseline", "secured", "fenhe-nocache", "fenhe-before")
          if any(key[0] == "follow" and key[1] in (f"{k}-tasks", f"{k}-instance") for key in values)]
    print("| GET, per call | " + " | ".join(NAMES[k] for k in fk) + " | Fenhe ÷ bare | Fenhe ÷ secured"
          + (" | Fenhe ÷ Fenhe before" if "fenhe-before" in fk else "") + " |")
    print("|---|" + "---:|" * (len(fk) + 2 + (1 if "fenhe-before" in fk else 0)))
    for q, qname in [("tasks", "/engine-rest/task?processInstanceId=…"), ("instance", "/engine-rest/process-instance/{id}")]:
        for metric, mname in [("p50_ms", "p50 (ms)"), ("p95_ms", "p95 (ms)"), ("http_cpu_ms", "CPU of the HTTP threads (ms)"),
                              ("db_cpu_ms", "database CPU (ms)")]:
            bare, secured = ratios("follow", lambda k: f"{k}-{q}", metric)
            before = (" | " + ratio(med("follow", f"fenhe-{q}", metric), med("follow", f"fenhe-before-{q}", metric))
                      if "fenhe-before" in fk else "")
            print(f"| {qname} {mname} | " + " | ".join(cell("follow", f"{k}-{q}", metric, 2) for k in fk)
                  + f" | {bare} | {secured}{before} |")
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
    sk = kinds("startup")
    print("| metric | " + " | ".join(NAMES[k] for k in sk) + " | Fenhe ÷ bare | Fenhe ÷ secured |")
    print("|---|" + "---:|" * (len(sk) + 2))
    for metric, name in [("startup_ms", "start-up: launch → REST answers (ms)"), ("rss_mib", "RSS after start (MiB)")]:
        bare, secured = ratios("startup", lambda k: k, metric)
        print(f"| {name} | " + " | ".join(cell("startup", k, metric, 0) for k in sk) + f" | {bare} | {secured} |")
    print("\nn = " + ", ".join(f"{len(values.get(('startup', k, 'startup_ms'), []))} {NAMES[k]}" for k in sk)
          + " starts (every start of every part)\n")

if any(k[0] == "supervision" for k in values):
    print(f"### 6. P5 互联网+监管: acts imported and run to their end ({load('supervision')})\n")
    print("| metric | Fenhe |")
    print("|---|---:|")
    for metric, name in [("acts", "acts imported"), ("batches_refused", "batches refused"),
                         ("import_acts_per_s", "import: acts/s (201 answered)"),
                         ("batch_p50_ms", "batch of acts: p50 (ms)"), ("batch_p95_ms", "batch of acts: p95 (ms)"),
                         ("batch_max_ms", "batch of acts: max (ms)"),
                         ("end_to_end_acts_per_s", "end to end: acts/s (first batch → every process ended)"),
                         ("processes_ended", "processes ended"), ("acts_submitted", "acts submitted to the province"),
                         ("acts_on_time", "acts on time (P5-R01)"), ("incidents", "incidents"),
                         ("commits_per_act", "transactions per act"), ("statements_per_act", "statements per act"),
                         ("app_cpu_ms_per_act", "app CPU per act (ms)"), ("db_cpu_ms_per_act", "DB CPU per act (ms)"),
                         ("load1_max", "highest 1-min load during the run")]:
        print(f"| {name} | {cell('supervision', 'fenhe', metric, 1)} |")
    print(f"| the month's page `/api/supervision/summary`: p50 / p95 (ms) | "
          f"{cell('supervision', 'summary-page', 'p50_ms')} / {cell('supervision', 'summary-page', 'p95_ms')} |")
    print()

if any(k[0] == "cluster" for k in values):
    print(f"### 7. Two engine nodes and two worker nodes on one database, one engine killed ({load('cluster')})\n")
    print("Started together on an empty database (issue 20, point 5):\n")
    print("| metric | value |")
    print("|---|---:|")
    for metric, name in [("engines_up", "engines up (of 2)"), ("engine1_startup_ms", "engine 1: launch → REST answers (ms)"),
                         ("engine2_startup_ms", "engine 2: launch → REST answers (ms)"),
                         ("startup_lock_wait_ms", "time spent waiting for the start-up lock, both nodes (ms)"),
                         ("engine_schema_created", "engine schema created (times)"),
                         ("flyway_migrations_twice", "Flyway migrations applied twice"),
                         ("models_deployed_twice", "model versions deployed twice"),
                         ("tasklist_filters", "Tasklist filters")]:
        print(f"| {name} | {cell('cluster', 'start', metric, 0)} |")
    print("\nThroughput, P1 cases through the nodes (no gain is expected on 2 cores: the nodes share them):\n")
    print("| metric | two nodes (2 engines + 2 workers) | one node (1 engine + 1 worker) | two ÷ one |")
    print("|---|---:|---:|---:|")
    for metric, name in [("cases_per_s", "cases completed/s"), ("latency_p50_ms", "case latency p50 (ms)"),
                         ("latency_p95_ms", "case latency p95 (ms)"), ("commits_per_case", "transactions per case"),
                         ("app_cpu_ms_per_case", "app CPU per case (ms, all JVMs of the nodes)"),
                         ("app_idle_cpu_ms_per_s", "app CPU of the idle nodes (ms per s, measured 20 s before)"),
                         ("app_cpu_net_ms_per_case", "app CPU per case less the idle nodes' (ms)"),
                         ("db_cpu_ms_per_case", "database CPU per case (ms)"), ("cases_done", "cases measured"),
                         ("cases_failed", "cases failed")]:
        t, o = med("cluster", "two-nodes", metric), med("cluster", "one-node", metric)
        d = 3 if metric == "cases_per_s" else 1
        print(f"| {name} | {cell('cluster', 'two-nodes', metric, d)} | {cell('cluster', 'one-node', metric, d)} | {ratio(t, o)} |")
    print("\nEngine 2 killed (`kill -9`) while P1 cases ran through both engines, in a burst of due timers:\n")
    print("| metric | value |")
    print("|---|---:|")
    for metric, name in [("load1_at_kill", "1-minute load at the kill"),
                         ("cases_ended_before_kill", "cases ended before the kill"), ("cases_done", "cases the driver completed"),
                         ("cases_failed", "cases the driver gave up"), ("cases_per_s", "cases completed/s (kill included)"),
                         ("calls_failed_over", "calls repeated on the survivor"),
                         ("cases_started", "cases started (distinct business keys)"),
                         ("cases_disbursed", "cases ended disbursed (资金已拨付)"), ("cases_open", "cases still open"),
                         ("cases_lost", "**cases lost**"), ("cases_started_twice", "**cases started twice**"),
                         ("steps_done_twice", "**user tasks completed twice**"),
                         ("notices_issued", "disbursement notices numbered (拨款通知书文号)"),
                         ("notice_numbers_twice", "**notice numbers given twice**"),
                         ("notice_numbers_skipped", "notice numbers skipped (gaps)"),
                         ("IssueDisbursementNotice_done_twice", "**notices issued twice in a case**"),
                         ("RecordTransfer_done_twice", "**transfers recorded twice in a case**"),
                         ("transfers_recorded", "transfers recorded (资金已划转)"),
                         ("orphan_external_tasks", "external tasks the dead node's worker held"),
                         ("external_tasks_taken_over_ms", "… taken over by the survivor after (ms from the kill)"),
                         ("orphan_jobs", "jobs the dead engine's job executor held"),
                         ("job_lock_left_at_kill_ms", "… their lock still running at the kill (ms)"),
                         ("jobs_taken_over_ms", "… run by the survivor after (ms from the kill)"),
                         ("timer_jobs_run_twice", "**timer jobs run twice**"), ("timers_left", "timers left unfired")]:
        print(f"| {name} | {cell('cluster', 'failover', metric, 3 if metric == 'cases_per_s' else 0)} |")
    print()

print("### Goals\n")
print("| goal | figure | met? |")
print("|---|---:|:---:|")


def goal(name, value, ok, fmt):
    if value is None:
        print(f"| {name} | not measured | — |")
    else:
        print(f"| {name} | {fmt.format(value)} | {'yes' if ok(value) else 'no'} |")


def kind_ratio(metric, other, part="cases"):
    f, o = med(part, "fenhe", metric), med(part, other, metric)
    return f / o if f is not None and o else None


# issue 20, point 2 (medians of the alternated runs)
goal("P1 cases/s ≥ 1.5× the secured baseline", kind_ratio("cases_per_s", "secured"), lambda v: v >= 1.5, "{:.2f}×")
goal("P1 cases/s ≥ 1.0× the bare baseline", kind_ratio("cases_per_s", "baseline"), lambda v: v >= 1.0, "{:.2f}×")
goal("transactions per case ≤ 1.2× the bare baseline", kind_ratio("commits_per_case", "baseline"), lambda v: v <= 1.2, "{:.2f}×")
goal("app + DB CPU per case ≤ 1.0× the secured baseline", kind_ratio("cpu_ms_per_case", "secured"), lambda v: v <= 1.0, "{:.2f}×")
goal("inbox count p95 ≤ 100 ms", med("tasklist", "fenhe-count", "p95_ms"), lambda v: v <= 100, "{:.1f} ms")
goal("the officer's own deadlines p95 ≤ 200 ms", med("tasklist", "fenhe-deadlines-officer", "p95_ms"), lambda v: v <= 200, "{:.1f} ms")
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
goal("P5 ≥ 200 acts/s end to end", med("supervision", "fenhe", "end_to_end_acts_per_s"), lambda v: v >= 200, "{:.0f} acts/s")
lost = med("cluster", "failover", "cases_lost")
goal("two nodes: no case lost when an engine dies", lost, lambda v: v == 0, "{:.0f}")
dup = [med("cluster", "failover", m) for m in ("cases_started_twice", "steps_done_twice", "notice_numbers_twice",
                                               "IssueDisbursementNotice_done_twice", "RecordTransfer_done_twice",
                                               "timer_jobs_run_twice")]
goal("two nodes: nothing done twice when an engine dies", None if any(d is None for d in dup) else sum(dup),
     lambda v: v == 0, "{:.0f}")
