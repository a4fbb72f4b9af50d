"""The package's speed against the goals of issue 28, whole loops timed with
``time.perf_counter`` (wall) and ``time.process_time`` (this process's processor time):

- one dossier decision from Python (goal: at most 20 µs);
- 100 000 dossiers in a batch (goal: at most twice the Rust batch), set against the command
  on the same file at the same time (``eig eligibility FILE --format json``, whole process)
  and against the library's batch alone (``compare eligibility``, ``benches/examples``).

    python python/bench/bench.py [--dossiers 100000] [--runs 5] [--eig PATH] [--compare PATH]

The dossiers are varied as criterion's batch is (``benches/benches/eligibility.rs``): EIG3 to
EIG6, four kinds of host, a porteur administratif one time in three, self-funding one time in
five, receptions before and after the deadline. Figures and method: docs/performance.md.
"""

from __future__ import annotations

import argparse
import copy
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

import eig

REPOSITORY = Path(__file__).resolve().parents[2]
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", REPOSITORY / "target"))


def dossiers(count: int) -> list[dict[str, Any]]:
    """``count`` varied dossiers built from the examples of EIG3 to EIG6."""
    examples = [eig.example("dossier", promotion) for promotion in ("EIG3", "EIG4", "EIG5", "EIG6")]
    kinds = [{"kind": "ministry"}, {"kind": "state_operator"}, {"kind": "deconcentrated_service"}, {"kind": "health_establishment"}]
    made = []
    for index in range(count):
        dossier = copy.deepcopy(examples[index % 4])
        defi = dossier["defi"]
        defi["id"] = f"defi-{index}"
        defi["hosts"]["operational"]["kind"] = kinds[(index // 4) % 4]
        if index % 3 == 0:
            defi["hosts"]["administrative"] = {"name": "Ministère de tutelle", "kind": {"kind": "ministry"}}
        else:
            defi["hosts"].pop("administrative", None)
        dossier["funding"] = {"cofinancing_requested": index % 5 != 0, "self_funded": index % 5 == 0, "alternative_funding": None}
        submitted = datetime.datetime.fromisoformat(dossier["submitted_at"])
        dossier["submitted_at"] = (submitted + datetime.timedelta(days=(index % 200) - 100)).isoformat()
        made.append(dossier)
    return made


def timed(call: Callable[[], Any], loops: int, runs: int) -> dict[str, float]:
    """Seconds per call over ``runs`` whole loops of ``loops`` calls: the median and the
    minimum, wall and processor."""
    call()  # warm: caches, the first allocations
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(loops):
            call()
        walls.append((time.perf_counter() - wall) / loops)
        cpus.append((time.process_time() - cpu) / loops)
    return {"median": statistics.median(walls), "min": min(walls), "cpu_median": statistics.median(cpus)}


def command(args: list[str], runs: int) -> dict[str, float]:
    """The whole process of ``args``, ``runs`` times: wall seconds, and its processor time."""
    walls, cpus = [], []
    for _ in range(runs):
        before = os.times()
        start = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        after = os.times()
        cpus.append((after.children_user - before.children_user) + (after.children_system - before.children_system))
    return {"median": statistics.median(walls), "min": min(walls), "cpu_median": statistics.median(cpus)}


def show(name: str, figures: dict[str, float], unit: float, label: str) -> None:
    print(
        f"{name:<58} median {figures['median'] / unit:9.2f} {label}   min {figures['min'] / unit:9.2f} {label}"
        f"   processor {figures['cpu_median'] / unit:9.2f} {label}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dossiers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--traced-dicts", type=int, default=10_000, help="the batch with every trace as dicts, at this size (memory)")
    parser.add_argument("--eig", default=str(TARGET / "release" / "eig"))
    parser.add_argument("--compare", default=str(TARGET / "release" / "examples" / "compare"))
    options = parser.parse_args()

    print(f"eig {eig.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} processors, load {os.getloadavg()[0]:.1f}")

    print("\nOne dossier (EIG3's example: every rule satisfied, twelve trace entries), per call:")
    one = {"dossiers": [eig.example("dossier", "EIG3")], "candidates": []}
    text = json.dumps(one, ensure_ascii=False)
    loops = 20_000
    show("dict in, dicts out, with the trace (the default)", timed(lambda: eig.decide_eligibility(one), loops, options.runs), 1e-6, "µs")
    show("dict in, dicts out, trace=False", timed(lambda: eig.decide_eligibility(one, trace=False), loops, options.runs), 1e-6, "µs")
    show("dict in, JSON text out (as_json=True), with the trace", timed(lambda: eig.decide_eligibility(one, as_json=True), loops, options.runs), 1e-6, "µs")
    show("JSON text in, JSON text out, with the trace", timed(lambda: eig.decide_eligibility(text, as_json=True), loops, options.runs), 1e-6, "µs")
    show("JSON text in, dicts out, with the trace", timed(lambda: eig.decide_eligibility(text), loops, options.runs), 1e-6, "µs")
    answer = eig.decide_eligibility(text, as_json=True)
    show("  of which json.loads of that answer (for comparison)", timed(lambda: json.loads(answer), loops, options.runs), 1e-6, "µs")
    show("  of which json.dumps of that dossier (for comparison)", timed(lambda: json.dumps(one), loops, options.runs), 1e-6, "µs")

    count = options.dossiers
    print(f"\n{count} dossiers in one batch, per batch:")
    batch = {"dossiers": dossiers(count), "candidates": []}
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "dossiers.json"
        path.write_text(json.dumps(batch, ensure_ascii=False), encoding="utf-8")
        body = path.read_text(encoding="utf-8")
        print(f"(the file: {path.stat().st_size / 1e6:.1f} MB)")
        runs = options.runs
        brief_dicts = timed(lambda: eig.decide_eligibility(batch, trace=False), 1, runs)
        show("Python: dicts in, dicts out, trace=False", brief_dicts, 1e-3, "ms")
        show("Python: JSON text in, JSON text out, trace=False", timed(lambda: eig.decide_eligibility(body, trace=False, as_json=True), 1, runs), 1e-3, "ms")
        show("Python: dicts in, JSON text out, with the traces", timed(lambda: eig.decide_eligibility(batch, as_json=True), 1, runs), 1e-3, "ms")
        show("Python: JSON text in, JSON text out, with the traces", timed(lambda: eig.decide_eligibility(body, as_json=True), 1, runs), 1e-3, "ms")
        small = {"dossiers": batch["dossiers"][: options.traced_dicts], "candidates": []}
        traced = timed(lambda: eig.decide_eligibility(small), 1, runs)
        show(f"Python: dicts in, dicts out, with the traces ({options.traced_dicts} dossiers)", traced, 1e-3, "ms")
        scale = count / max(1, options.traced_dicts)
        print(f"{'  (times ' + format(scale, 'g') + ' for the whole batch)':<58} median {traced['median'] * scale * 1e3:9.2f} ms")
        if Path(options.eig).is_file():
            reference = command([options.eig, "eligibility", str(path), "--format", "json", "--output", "/dev/null"], runs)
            show("eig eligibility FILE --format json (whole process)", reference, 1e-3, "ms")
            show("eig eligibility FILE --format json --trace (whole process)", command([options.eig, "eligibility", str(path), "--format", "json", "--trace", "--output", "/dev/null"], runs), 1e-3, "ms")
            print(f"\nratio: Python (dicts, trace=False) / the command = {brief_dicts['median'] / reference['median']:.2f} (wall), {brief_dicts['cpu_median'] / reference['cpu_median']:.2f} (processor)")
        else:
            print(f"(no {options.eig}: cargo build --release -p eig-cli)")
        if Path(options.compare).is_file():
            done = subprocess.run([options.compare, "eligibility", str(path), str(runs)], check=True, capture_output=True, text=True)
            library = json.loads(done.stdout)
            batch_ns = sorted(library["batch_ns"])
            print(
                f"{'the library batch alone (evaluate_dossiers, parsed input)':<58} median {statistics.median(batch_ns) / 1e6:9.2f} ms   "
                f"min {batch_ns[0] / 1e6:9.2f} ms   (its reading and parsing: {library['read_and_parse_ns'] / 1e6:.0f} ms)"
            )
            print(f"ratio: Python (dicts, trace=False) / the library batch = {brief_dicts['median'] / (statistics.median(batch_ns) / 1e9):.2f} (wall)")
        else:
            print(f"(no {options.compare}: cargo build --release -p eig-benches --example compare)")


if __name__ == "__main__":
    main()
