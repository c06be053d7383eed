#!/usr/bin/env bash
# The pages the end-to-end tests need besides dist/ (scripts/test.sh, stage e2e):
#   target/e2e-publicurl  the seeds built with `--public-url /sub/parallax/` (absolute asset
#                       URLs; e2e/publicurl.test.mjs). First, while cargo's build of the seeds
#                       page is fresh: trunk reuses it and only runs wasm-bindgen and wasm-opt.
#   target/e2e-hostile  e2e/fixtures/hostile built as a page (e2e/security.test.mjs)
#   target/e2e-scale    ECB+'s 982 articles built as a page (e2e/scale.test.mjs), from
#                       target/e2e-scale-corpus/ (e2e/scale-corpus.mjs: the articles as JSON
#                       lines and a lexicon); removed where ECB+ is not on the machine,
#                       and the scale tests are then skipped.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
trunk build --release --public-url /sub/parallax/ --dist target/e2e-publicurl
PARALLAX_CORPUS=e2e/fixtures/hostile trunk build --release --dist target/e2e-hostile
if node e2e/scale-corpus.mjs target/e2e-scale-corpus/ecbplus.jsonl; then
  PARALLAX_CORPUS=target/e2e-scale-corpus/ecbplus.jsonl trunk build --release --dist target/e2e-scale
else
  rc=$?
  [ "$rc" = 3 ] || exit "$rc"
  rm -rf target/e2e-scale target/e2e-scale-corpus
fi
