#!/usr/bin/env bash
# The benchmark suite (BENCHMARKS.md): measures the page and the engine beside
# baselines taken in the same run and writes BENCHMARKS.md (raw figures in
# bench/out/results.json). Not part of CI (scripts/test.sh); run it by hand.
#
#   bash scripts/bench.sh [--sizes seeds,1000,5000] [--timeout SECONDS] [--runs N]
#                         [--budget SECONDS] [--skip MEASURE,...] [--out FILE]
#
# --sizes    corpora: "seeds" and article counts (ECB+ replicated; default seeds,1000,5000)
# --timeout  per measure, in seconds (default 900); a measure over it is written
#            down as "not measured: ..." and the suite goes on
# --runs     cold loads per page (default 10)
# --budget   seconds the Python baseline compares pairs before extrapolating (default 30)
# --skip     any of corpus,cliCorpus,build,transfer,load,filter,lighthouse,passages,native,wasm,python,stances
# --merge    keep the figures of skipped measures from the last run (bench/out/results.json)
#            node bench/report.mjs re-renders BENCHMARKS.md from it
# PARALLAX_SKIP_SETUP=1 skips scripts/setup.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"   # cd to the repository root, PATH

if [ "${PARALLAX_SKIP_SETUP:-}" != 1 ]; then
  bash scripts/setup.sh
fi
# ECB+ as bench/corpus.py finds it: PARALLAX_ECBPLUS, else ../shared beside the repository.
ecbplus="${PARALLAX_ECBPLUS:-../shared/corpora/ecbplus/ecbplus_docs.jsonl}"
if [ ! -f "$ecbplus" ]; then
  echo "bench: ECB+ not found at $ecbplus (set PARALLAX_ECBPLUS=path/to/ecbplus_docs.jsonl)" >&2
fi
# lighthouse (pinned in bench/package-lock.json)
if [ ! -x bench/node_modules/.bin/lighthouse ]; then
  (cd bench && npm ci --no-audit --no-fund)
fi
echo "bench: building the release CLI and bench/wasm (native and wasm32) ..." >&2
cargo build --release -q -p parallax-cli
(cd bench/wasm && cargo build --release -q && cargo build --release -q --target wasm32-unknown-unknown)
wasm-bindgen --target web --out-dir bench/out/pkg bench/wasm/target/wasm32-unknown-unknown/release/parallax_bench.wasm
exec node bench/bench.mjs "$@"
