#!/usr/bin/env bash
# newsgraph against the bare aho-corasick scan, flashtext and spaCy, on one
# reproducible corpus, in one table.
#
#   bash benches/compare.sh                 # 100 MB corpus, Python tools on 10 MB of it
#   bash benches/compare.sh --mb 1000       # the 1 GB memory check
#   bash benches/compare.sh --smoke         # 1 MB, a CI smoke test (no timing assertions)
#
# Options: --mb N (corpus size), --seed N, --sample-mb N (text for the Python
# tools), --dir DIR (work directory, default target/bench-compare).
# Installs flashtext 2.7 and spaCy 3.8 into benches/.venv (from PyPI) on first
# use. Builds newsgraph and the bench tools in release mode. Prints the table
# and writes it as JSON to DIR/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."

mb=100 seed=7 sample_mb=10 dir=target/bench-compare
while (($#)); do
  case $1 in
    --mb) mb=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --sample-mb) sample_mb=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --smoke) mb=1; sample_mb=0.3; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

venv=benches/.venv
want="flashtext==2.7 spacy==3.8.*"
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$venv/.stamp" 2>/dev/null)" != "$want" ]; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  # shellcheck disable=SC2086
  "$venv/bin/python" -m pip install -q --disable-pip-version-check $want
  echo "$want" >"$venv/.stamp"
fi

cargo build --release --locked --quiet --bin newsgraph --example gen_corpus --example bare_scan
target_dir=$(cargo metadata --format-version 1 --no-deps | "$venv/bin/python" -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
bin=$target_dir/release

mkdir -p "$dir"
corpus=$dir/corpus-${mb}mb-seed${seed}.jsonl
[ -s "$corpus" ] || "$bin/examples/gen_corpus" --mb "$mb" --seed "$seed" -o "$corpus"
big=$dir/gazetteer-100k.tsv
[ -s "$big" ] || "$bin/examples/gen_corpus" --gazetteer 25000 --seed "$seed" -o "$big"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)," \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
"$venv/bin/python" benches/compare.py "$corpus" "$dir/forms.txt" \
  --newsgraph "$bin/newsgraph" --bare-scan "$bin/examples/bare_scan" \
  --big-gazetteer "$big" --sample-mb "$sample_mb" \
  --out "$dir/out.json" --json "$dir/results.json"
