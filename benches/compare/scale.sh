#!/usr/bin/env bash
# How eig-matching's time and peak memory grow with size: national-shaped instances
# (GeneratorConfig::national: 5 choices, défis of 3 seats, teams of 2 or 3 with the
# withdrawal policy, every applicant ranked, no ties) with 10 000, 100 000 and 1 000 000
# candidates and candidates / 10 défis, solved candidate-proposing and verified, release mode.
# Peak memory is /usr/bin/time -v's "Maximum resident set size" of the whole process
# (generation + solve + verify). Not part of CI. See README.md in this folder.
#
#   benches/compare/scale.sh
#   SIZES=10000:21,100000:11,1000000:5 SEED=1 benches/compare/scale.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

SIZES="${SIZES:-10000:21,100000:11,1000000:5}"
SEED="${SEED:-1}"
work="${WORK:-$here/.work}"
mkdir -p "$work"

echo "== Rust side, release mode"
cargo build --release --locked -p eig-benches --example compare
cargo build --release --locked -p eig-matching --example national
exe="$root/target/release/examples/compare"

echo "== Machine"
echo "nproc: $(nproc)"
lscpu | grep -E '^(Model name|CPU\(s\)|Thread|Core|Socket)' || true
date -u +'date: %Y-%m-%d %H:%M UTC'

echo "== Scaling"
rows=()
for entry in ${SIZES//,/ }; do
    size="${entry%%:*}"; runs="${entry##*:}"
    /usr/bin/time -v -o "$work/time-$size.txt" "$exe" scale "$size" "$SEED" "$runs" \
        > "$work/scale-$size.json"
    rows+=("$work/scale-$size.json:$work/time-$size.txt")
done

echo "== National example (crates/eig-matching/examples/national.rs), one process each"
/usr/bin/time -v -o "$work/time-national.txt" target/release/examples/national
/usr/bin/time -v -o "$work/time-national-generate.txt" target/release/examples/national generate-only
for f in national national-generate; do
    printf '%s: %s, wall %s\n' "$f" \
        "$(grep 'Maximum resident set size' "$work/time-$f.txt" | sed 's/.*: //') KiB peak" \
        "$(grep 'Elapsed (wall clock)' "$work/time-$f.txt" | sed 's/.*: //')"
done

python3 - "${rows[@]}" <<'PY'
import json, re, statistics, sys

def ms(ns):
    return f"{ns / 1e6:,.1f} ms" if ns >= 1e6 else f"{ns / 1e3:,.0f} µs"

print()
print("| Candidates | Défis | Choices | Placed | Generate | solve (with its verification), "
      "median [min … max] (runs) | verify alone, median | ns per choice (solve) | Peak RSS |")
print("|---:|---:|---:|---:|---|---|---|---:|---:|")
for arg in sys.argv[1:]:
    data, timing = arg.split(":")
    r = json.load(open(data))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(timing).read())[1])
    s, v = r["solve_ns"], r["verify_ns"]
    print(f"| {r['candidates']:,} | {r['defis']:,} | {r['choices']:,} | {r['placed']:,} "
          f"| {ms(r['generate_ns'])} | **{ms(statistics.median(s))}** [{ms(min(s))} … {ms(max(s))}] "
          f"({len(s)}) | {ms(statistics.median(v))} | {statistics.median(s) / r['choices']:.1f} "
          f"| {rss / 1024:,.0f} MiB |")
PY
