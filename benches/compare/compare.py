"""Side-by-side comparison of eig-matching with the Python `matching` library (1.4.3).

Called by `run.sh`, which builds the Rust side and exports the seeded instances. For each
size, this script

1. runs `compare solve` (the Rust side: candidate-proposing deferred acceptance, each run
   including eig-matching's independent verification), which writes its assignment;
2. maps the same instance to a hospitals/residents game: each (défi, profile) seat is a
   hospital whose capacity is that profile's seats, each candidate a resident whose
   preferences are their choices (seat of their own profile) restricted to the juries that
   ranked them, each hospital's preferences the jury's strict ranking (only applicants are
   ranked, so acceptability is mutual);
3. solves it with `HospitalResident.solve(optimal="resident")` on a fresh copy of the game
   each run (the solver consumes the game), timing `solve` only;
4. compares the two assignments pair by pair and exits non-zero on the first difference.

Python warnings are turned into errors, so a mapping the library would "clean" fails loudly.

`compare.py whole <eig> <workdir> <sizes> <rust_runs> <python_runs>` (issue 14) compares whole
processes instead, each timed from the outside by `hyperfine`: `eig match FILE --format json
--explain=never --output OUT` (reading, parsing, validating, solving with its verification,
writing the report) against `whole.py FILE OUT` (interpreter start, imports, reading,
building the game, solving, writing the assignment); then compares the two assignments.
"""

import copy
import json
import statistics
import subprocess
import sys
import threading
import time
import warnings

import matching
from matching.games import HospitalResident

# The library deep-copies its players (each refers to the others through its preferences)
# and recurses once per player on the way: raise the limit and give the thread a large stack.
sys.setrecursionlimit(1_000_000)
threading.stack_size(1024 * 1024 * 1024)
warnings.simplefilter("error")

SEP = "|"


def hr_dictionaries(instance):
    """The hospitals/residents dictionaries of a `MatchingInput`."""
    capacities = {}
    for defi in instance["defis"]:
        for profile, seats in defi["seats"].items():
            if seats > 0:
                capacities[defi["id"] + SEP + profile] = seats
    hospital_prefs = {}
    for ranking in instance["rankings"]:
        key = ranking["defi"] + SEP + ranking["profile"]
        order = []
        for group in ranking["ranks"]:
            if len(group) != 1:
                sys.exit(f"tie in the ranking of {key}: the Python library needs strict rankings")
            order.append(group[0])
        if order:
            hospital_prefs[key] = order
    ranked_by = {key: set(order) for key, order in hospital_prefs.items()}
    resident_prefs = {}
    for candidate in instance["candidates"]:
        cid = candidate["id"]
        prefs = [
            d + SEP + candidate["profile"]
            for d in candidate["choices"]
            if cid in ranked_by.get(d + SEP + candidate["profile"], ())
        ]
        # A resident nobody ranks is unplaced on both sides; the library refuses empty lists.
        if prefs:
            resident_prefs[cid] = prefs
    capacities = {key: capacities[key] for key in hospital_prefs}
    return resident_prefs, hospital_prefs, capacities


def python_side(instance, runs):
    """Median-able timings of `solve` and the assignment, `{candidate: défi}`."""
    if instance["limits"]["team_min"] != 0:
        sys.exit("lower quotas: the Python library has none")
    resident_prefs, hospital_prefs, capacities = hr_dictionaries(instance)
    start = time.perf_counter()
    game = HospitalResident.create_from_dictionaries(resident_prefs, hospital_prefs, capacities)
    setup = time.perf_counter() - start
    times = []
    result = None
    for _ in range(runs):
        fresh = copy.deepcopy(game)
        start = time.perf_counter()
        solved = fresh.solve(optimal="resident")
        times.append(time.perf_counter() - start)
        assignment = {}
        for hospital, residents in solved.items():
            for resident in residents:
                name = str(resident.name)
                if name in assignment:
                    sys.exit(f"python: {name} placed twice")
                assignment[name] = str(hospital.name).split(SEP)[0]
        if result is not None and result != assignment:
            sys.exit("python: two runs gave different assignments")
        result = assignment
        # The library's own checks, on the solved copy (not timed).
        if not fresh.check_validity() or not fresh.check_stability():
            sys.exit("python: the library's own checks failed")
    return setup, times, result


def rust_side(exe, path, runs, out):
    line = subprocess.run(
        [exe, "solve", path, str(runs), out], check=True, capture_output=True, text=True
    ).stdout.strip()
    timings = json.loads(line)
    with open(out) as f:
        return timings, json.load(f)


def compare(rust, python):
    """Every difference, pair by pair."""
    differences = []
    for candidate in sorted(set(rust) | set(python)):
        r, p = rust.get(candidate), python.get(candidate)
        if r != p:
            differences.append(f"{candidate}: eig-matching {r}, matching {p}")
    return differences


def human(seconds):
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.2f} s"


def spread(values):
    return f"[{human(min(values))} … {human(max(values))}]"


def main():
    exe, workdir = sys.argv[1], sys.argv[2]
    sizes = [int(s) for s in sys.argv[3].split(",")]
    rust_runs, python_runs = int(sys.argv[4]), sys.argv[5]
    python_runs = {int(k): int(v) for k, v in (kv.split(":") for kv in python_runs.split(","))}
    rows, failed = [], False
    print(f"matching {matching.__version__}, Python {sys.version.split()[0]}", flush=True)
    for size in sizes:
        path = f"{workdir}/instance-{size}.json"
        with open(path) as f:
            instance = json.load(f)
        timings, rust = rust_side(exe, path, rust_runs, f"{workdir}/eig-{size}.json")
        rust_solve = [ns / 1e9 for ns in timings["solve_ns"]]
        rust_verify = [ns / 1e9 for ns in timings["verify_ns"]]
        runs = python_runs.get(size, 3)
        print(f"{size} candidates: eig-matching done, running Python ({runs} runs)…", flush=True)
        setup, py_solve, python = python_side(instance, runs)
        differences = compare(rust, python)
        identical = not differences
        if differences:
            failed = True
            print(f"DIFFERENT assignments at {size} candidates ({len(differences)} pairs):")
            for line in differences[:20]:
                print("  " + line)
        rm, pm = statistics.median(rust_solve), statistics.median(py_solve)
        rows.append(
            {
                "size": size,
                "placed": len(rust),
                "rust": rm,
                "rust_spread": spread(rust_solve),
                "rust_runs": len(rust_solve),
                "rust_verify": statistics.median(rust_verify),
                "rust_validate": timings["validate_ns"] / 1e9,
                "python": pm,
                "python_spread": spread(py_solve),
                "python_runs": len(py_solve),
                "python_setup": setup,
                "ratio": pm / rm,
                "identical": identical,
            }
        )
        print(f"  eig-matching solve+verify {human(rm)}, matching solve {human(pm)}, "
              f"ratio {pm / rm:,.0f}×, identical: {'yes' if identical else 'NO'}", flush=True)

    print()
    print("| Candidates | Placed | eig-matching solve + verify, median [min … max] (runs) "
          "| `matching` 1.4.3 `solve`, median [min … max] (runs) | Speed ratio | Identical |")
    print("|---:|---:|---|---|---:|---|")
    for r in rows:
        print(f"| {r['size']:,} | {r['placed']:,} "
              f"| **{human(r['rust'])}** {r['rust_spread']} ({r['rust_runs']}) "
              f"| **{human(r['python'])}** {r['python_spread']} ({r['python_runs']}) "
              f"| **{r['ratio']:,.0f}×** | {'yes' if r['identical'] else '**NO**'} |")
    print()
    print("| Candidates | eig-matching `Instance::new` (validation) | eig-matching `verify` alone "
          "| `matching` game construction (`create_from_dictionaries`, with its input checks) |")
    print("|---:|---|---|---|")
    for r in rows:
        print(f"| {r['size']:,} | {human(r['rust_validate'])} | {human(r['rust_verify'])} "
              f"| {human(r['python_setup'])} |")
    if failed:
        sys.exit("FAILED: the assignments differ")


def hyperfine(name, command, runs, warmup, export):
    """Median and all times (seconds) of `command` run `runs` times by hyperfine."""
    subprocess.run(
        ["hyperfine", "--style", "basic", "--warmup", str(warmup), "--runs", str(runs),
         "--export-json", export, "--command-name", name, command],
        check=True,
    )
    with open(export) as f:
        result = json.load(f)["results"][0]
    times = result["times"]
    # Processor time (user + system, mean over the runs): on a machine shared with other
    # work, wall time also counts the time spent waiting for a core.
    return statistics.median(times), times, result["user"] + result["system"]


def whole(eig, workdir, sizes, rust_runs, python_runs):
    """The whole-process comparison (issue 14); exits non-zero if assignments differ."""
    here = __file__.rsplit("/", 1)[0]
    rows, failed = [], False
    print(f"matching {matching.__version__}, Python {sys.version.split()[0]}", flush=True)
    for size in sizes:
        path = f"{workdir}/instance-{size}.json"
        ours, theirs = f"{workdir}/whole-eig-{size}.json", f"{workdir}/whole-py-{size}.json"
        rust, rust_times, rust_cpu = hyperfine(
            f"eig match ({size})",
            f"{eig} match {path} --format json --explain=never --output {ours}",
            rust_runs, 3, f"{workdir}/hyperfine-eig-{size}.json",
        )
        runs = python_runs.get(size, 3)
        python, python_times, python_cpu = hyperfine(
            f"matching whole process ({size})",
            f"{sys.executable} {here}/whole.py {path} {theirs}",
            runs, 0, f"{workdir}/hyperfine-py-{size}.json",
        )
        with open(ours) as f:
            report = json.load(f)["report"]
        eig_assignment = {p["candidate"]: p["defi"] for p in report["placements"]}
        with open(theirs) as f:
            py_assignment = json.load(f)
        differences = compare(eig_assignment, py_assignment)
        if differences:
            failed = True
            print(f"DIFFERENT assignments at {size} candidates ({len(differences)} pairs):")
            for line in differences[:20]:
                print("  " + line)
        rows.append((size, len(eig_assignment), rust, rust_times, rust_cpu, python,
                     python_times, python_cpu, not differences))
    print()
    print("| Candidates | Placed | `eig match` whole process, median [min … max] (runs) "
          "| `matching` 1.4.3 whole process, median [min … max] (runs) | Speed ratio (wall) "
          "| Processor time (user + system, mean): eig / matching | Ratio (processor) "
          "| Identical |")
    print("|---:|---:|---|---|---:|---|---:|---|")
    for (size, placed, rust, rust_times, rust_cpu, python, python_times, python_cpu,
         identical) in rows:
        print(f"| {size:,} | {placed:,} "
              f"| **{human(rust)}** {spread(rust_times)} ({len(rust_times)}) "
              f"| **{human(python)}** {spread(python_times)} ({len(python_times)}) "
              f"| **{python / rust:,.0f}×** | {human(rust_cpu)} / {human(python_cpu)} "
              f"| **{python_cpu / rust_cpu:,.0f}×** | {'yes' if identical else '**NO**'} |")
    if failed:
        sys.exit("FAILED: the assignments differ")


def dispatch():
    if sys.argv[1] == "whole":
        eig, workdir = sys.argv[2], sys.argv[3]
        sizes = [int(s) for s in sys.argv[4].split(",")]
        runs = {int(k): int(v) for k, v in (kv.split(":") for kv in sys.argv[6].split(","))}
        whole(eig, workdir, sizes, int(sys.argv[5]), runs)
    else:
        main()


if __name__ == "__main__":
    # Run in a thread with a large stack: deep copies of linked players recurse deeply.
    outcome = {}

    def target():
        try:
            dispatch()
        except SystemExit as e:
            outcome["exit"] = e.code
        except BaseException as e:  # noqa: BLE001 - reported, then the process fails
            outcome["exit"] = f"error: {e!r}"

    worker = threading.Thread(target=target)
    worker.start()
    worker.join()
    if outcome.get("exit") not in (None, 0):
        sys.exit(outcome["exit"])
