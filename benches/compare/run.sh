#!/usr/bin/env bash
# Side-by-side comparison of eig-matching with the Python `matching` library (1.4.3), on the
# same seeded instances (no lower quotas, strict rankings), sizes 100 / 1 000 / 10 000
# candidates. Not part of CI. See README.md in this folder.
#
#   benches/compare/run.sh                      # the three sizes
#   SIZES=100,1000 benches/compare/run.sh       # fewer
#   RUST_RUNS=21 PYTHON_RUNS=100:21,1000:11,10000:5 SEED=1 benches/compare/run.sh
#
# Whole processes (issue 14): `eig match FILE` against a Python program reading the same file,
# each timed by hyperfine (`apt-get install hyperfine` or `cargo install --locked hyperfine`):
#   MODE=whole benches/compare/run.sh                           # 10 000 candidates
#   MODE=whole SIZES=1000,10000 RUST_RUNS=21 PYTHON_RUNS=10000:5 benches/compare/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

MODE="${MODE:-solve}"
if [ "$MODE" = whole ]; then
    SIZES="${SIZES:-10000}"
    PYTHON_RUNS="${PYTHON_RUNS:-10000:5}"
fi
SIZES="${SIZES:-100,1000,10000}"
SEED="${SEED:-1}"
RUST_RUNS="${RUST_RUNS:-21}"
PYTHON_RUNS="${PYTHON_RUNS:-100:21,1000:11,10000:5}"
work="${WORK:-$here/.work}"

echo "== Python virtual environment ($here/.venv) with matching==1.4.3"
if [ ! -x "$here/.venv/bin/python" ]; then
    python3 -m venv "$here/.venv"
fi
if ! "$here/.venv/bin/python" -c 'import matching, sys; sys.exit(matching.__version__ != "1.4.3")' 2>/dev/null; then
    "$here/.venv/bin/pip" install --quiet "matching==1.4.3"
fi

echo "== Rust side, release mode"
cargo build --release --locked -p eig-benches --example compare
target="${CARGO_TARGET_DIR:-$root/target}"
exe="$target/release/examples/compare"
if [ "$MODE" = whole ]; then
    cargo build --release --locked -p eig-cli
    command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install hyperfine"; exit 1; }
fi

echo "== Seeded instances (seed $SEED) in $work"
mkdir -p "$work"
for size in ${SIZES//,/ }; do
    "$exe" export "$size" "$SEED" "$work/instance-$size.json"
done

echo "== Machine"
echo "nproc: $(nproc)"
lscpu | grep -E '^(Model name|CPU\(s\)|Thread|Core|Socket)' || true
date -u +'date: %Y-%m-%d %H:%M UTC'

echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$MODE" = whole ]; then
    echo "== Whole processes"
    "$here/.venv/bin/python" "$here/compare.py" whole "$target/release/eig" "$work" "$SIZES" \
        "$RUST_RUNS" "$PYTHON_RUNS"
else
    echo "== Solving"
    "$here/.venv/bin/python" "$here/compare.py" "$exe" "$work" "$SIZES" "$RUST_RUNS" "$PYTHON_RUNS"
fi
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
