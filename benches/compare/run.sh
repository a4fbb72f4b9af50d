#!/usr/bin/env bash
# Side-by-side comparison of eig-matching with the Python `matching` library (1.4.3), on the
# same seeded instances (no lower quotas, strict rankings), sizes 100 / 1 000 / 10 000
# candidates. Not part of CI. See README.md in this folder.
#
#   benches/compare/run.sh                      # the three sizes
#   SIZES=100,1000 benches/compare/run.sh       # fewer
#   RUST_RUNS=21 PYTHON_RUNS=100:21,1000:11,10000:5 SEED=1 benches/compare/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

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
exe="$root/target/release/examples/compare"

echo "== Seeded instances (seed $SEED) in $work"
mkdir -p "$work"
for size in ${SIZES//,/ }; do
    "$exe" export "$size" "$SEED" "$work/instance-$size.json"
done

echo "== Machine"
echo "nproc: $(nproc)"
lscpu | grep -E '^(Model name|CPU\(s\)|Thread|Core|Socket)' || true
date -u +'date: %Y-%m-%d %H:%M UTC'

echo "== Solving"
"$here/.venv/bin/python" "$here/compare.py" "$exe" "$work" "$SIZES" "$RUST_RUNS" "$PYTHON_RUNS"
