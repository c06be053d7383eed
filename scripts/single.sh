#!/usr/bin/env bash
# The whole explorer as one self-contained HTML file, for opening from disk
# (file://, no server, no network): dist-single/parallax.html.
#
#   bash scripts/single.sh                                   # the seed corpus
#   PARALLAX_CORPUS=path/to/folder-or.jsonl bash scripts/single.sh   # another corpus
#   bash scripts/single.sh --reuse-dist                      # pack dist/ as it is, no build
#
# Builds dist/ with `trunk build --release` unless it is already the build of
# this corpus (see scripts/single.mjs, which does the packing), then inlines
# the wasm, JS glue and CSS into one page with its own Content-Security-Policy.
set -euo pipefail
# --out is relative to the caller's directory, like PARALLAX_CORPUS.
export PARALLAX_CALLER_DIR="$PWD"
# PARALLAX_CORPUS relative to the caller's directory: env.sh changes to the repo root.
if [ -n "${PARALLAX_CORPUS:-}" ]; then
  PARALLAX_CORPUS="$(realpath -- "$PARALLAX_CORPUS")"
  export PARALLAX_CORPUS
fi
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
exec node scripts/single.mjs "$@"
