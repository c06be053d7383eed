#!/usr/bin/env bash
# Every check the project has, in order, failing fast:
#
#   fmt          cargo fmt --all -- --check
#   clippy       cargo clippy --workspace --all-targets -- -D warnings
#   clippy-wasm  cargo clippy -p parallax --target wasm32-unknown-unknown --all-targets -- -D warnings
#   test         cargo test --workspace                      (native)
#   test-wasm    cargo test -p parallax --target wasm32-unknown-unknown   (wasm-bindgen-test, Chromium)
#   build        trunk build --release                       (-> dist/)
#   size         node scripts/size.mjs dist                  (fails above 250,000 B: every file of
#                dist/ gzipped -9, as bench/ measures it; prints the size and the margin)
#   single       scripts/single.sh --reuse-dist; playwright test --project single
#                                                            (dist/ packed into dist-single/parallax.html, opened from file://)
#   e2e          playwright test, the other projects         (@playwright/test on dist/, served at / and /sub/dir/,
#                on target/e2e-publicurl: the seeds built with --public-url /sub/parallax/ and served there,
#                on target/e2e-hostile: e2e/fixtures/hostile built as a page, and on
#                target/e2e-scale: ECB+'s 982 articles, if ../shared/corpora/ecbplus is there;
#                projects and settings in e2e/playwright.config.mjs)
#
# Usage: scripts/test.sh [STAGE...]   (default: all stages; e.g. `scripts/test.sh build e2e`)
# Runs scripts/setup.sh first (set PARALLAX_SKIP_SETUP=1 to skip it).
# Ends with a summary: per-stage results, then "# pass N" / "# fail N" and a last
# line "N passed, N failed" summed over the test runners; exits non-zero on any failure.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

ALL_STAGES=(fmt clippy clippy-wasm test test-wasm build size single e2e)
STAGES=("$@")
[ ${#STAGES[@]} -gt 0 ] || STAGES=("${ALL_STAGES[@]}")
for s in "${STAGES[@]}"; do
  [[ " ${ALL_STAGES[*]} " == *" $s "* ]] || { echo "test.sh: unknown stage '$s' (stages: ${ALL_STAGES[*]})" >&2; exit 2; }
done

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-$([ -t 1 ] && echo auto || echo never)}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"

LOG_DIR="$PARALLAX_ROOT/target/test-logs"
mkdir -p "$LOG_DIR"
T0=$SECONDS
PASSED=0 FAILED=0 SKIPPED=0
RESULTS=()

banner() { printf '\n==================== %s ====================\n' "$*"; }

summary() {
  local status=$1
  banner "summary ($((SECONDS - T0)) s)"
  printf '%s\n' "${RESULTS[@]}"
  echo "# tests $((PASSED + FAILED))"
  echo "# pass $PASSED"
  echo "# fail $FAILED"
  echo "# skipped $SKIPPED"
  echo "$PASSED passed, $FAILED failed"
  exit "$status"
}

# Sum the test counts a stage's log reports (cargo/libtest, and the TAP closing lines
# that node --test and the Playwright runs print: e2e/tap-summary.mjs).
count_tests() {
  local log=$1 p f i
  p=$(grep -aoE 'test result: [A-Za-z]+\. [0-9]+ passed; [0-9]+ failed; [0-9]+ ignored' "$log" |
      awk '{p+=$4; f+=$6; i+=$8} END {print p+0, f+0, i+0}')
  read -r cp cf ci <<<"$p"
  # TAP: the closing "# pass N" / "# fail N" / "# skipped N" lines.
  np=$(grep -aE '^# pass [0-9]+$' "$log" | tail -n1 | awk '{print $3}')
  nf=$(grep -aE '^# fail [0-9]+$' "$log" | tail -n1 | awk '{print $3}')
  ns=$(grep -aE '^# skipped [0-9]+$' "$log" | tail -n1 | awk '{print $3}')
  STAGE_PASS=$((cp + ${np:-0})) STAGE_FAIL=$((cf + ${nf:-0})) STAGE_SKIP=$((ci + ${ns:-0}))
}

# stage NAME CMD... : run with a banner, log to target/test-logs/NAME.log, fail fast.
stage() {
  local name=$1; shift
  local log="$LOG_DIR/$name.log" t=$SECONDS rc
  banner "$name: $*"
  "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  count_tests "$log"
  PASSED=$((PASSED + STAGE_PASS)) SKIPPED=$((SKIPPED + STAGE_SKIP))
  local counts=""
  [ $((STAGE_PASS + STAGE_FAIL + STAGE_SKIP)) -gt 0 ] && counts=" ($STAGE_PASS passed, $STAGE_FAIL failed, $STAGE_SKIP skipped)"
  if [ "$rc" -ne 0 ]; then
    # A failed stage counts at least one failure even when it ran no tests (fmt, clippy, build).
    FAILED=$((FAILED + (STAGE_FAIL > 0 ? STAGE_FAIL : 1)))
    RESULTS+=("FAIL $name in $((SECONDS - t)) s$counts (exit $rc; log: ${log#"$PARALLAX_ROOT"/})")
    banner "FAILED: $name (exit $rc)"
    summary 1
  fi
  FAILED=$((FAILED + STAGE_FAIL))
  RESULTS+=("ok   $name in $((SECONDS - t)) s$counts")
}

# Build the CLI and export a copy of it as PARALLAX_CLI (the e2e tests' expectations):
# a copy, so that a later build into a shared CARGO_TARGET_DIR does not swap it mid-run.
cli_binary() {
  local exe
  exe="$(cargo build -q --bin parallax --message-format=json |
    grep -o '"executable":"[^"]*/parallax"' | tail -n1 | cut -d'"' -f4)"
  [ -x "$exe" ] || { echo "test.sh: no parallax binary from cargo build" >&2; return 1; }
  mkdir -p target/e2e-cli && cp "$exe" target/e2e-cli/parallax || return 1
  export PARALLAX_CLI="$PWD/target/e2e-cli/parallax"
}
export -f cli_binary

if [ "${PARALLAX_SKIP_SETUP:-0}" != 1 ]; then
  stage setup bash scripts/setup.sh
fi

run_stage() {
  case $1 in
    fmt) stage fmt cargo fmt --all -- --check ;;
    clippy) stage clippy cargo clippy --workspace --all-targets -- -D warnings ;;
    clippy-wasm) stage clippy-wasm cargo clippy -p parallax --target wasm32-unknown-unknown --all-targets -- -D warnings ;;
    test) stage test cargo test --workspace ;;
    test-wasm) stage test-wasm cargo test -p parallax --target wasm32-unknown-unknown ;;
    build) stage build trunk build --release ;;
    # The seed build's transfer size against its budget (scripts/size.mjs, shared with bench/).
    size) stage size node scripts/size.mjs dist ;;
    # The e2e tests take their expectations from the CLI: build it first, outside any test
    # timeout, and run that binary (PARALLAX_CLI, e2e/cli.mjs), not `cargo run`, which would
    # wait on the target directory's lock while anything else builds.
    # single packs the dist/ the build stage made (no second build) and tests the file.
    single) stage single bash -c "bash scripts/single.sh --reuse-dist && cli_binary &&
      playwright test -c e2e/playwright.config.mjs --project single" ;;
    # The projects publicurl, hostile and scale need pages of their own (scripts/e2e-pages.sh).
    e2e) stage e2e bash -c "cli_binary && bash scripts/e2e-pages.sh &&
      playwright test -c e2e/playwright.config.mjs --project seeds --project subdir --project publicurl --project hostile --project scale" ;;
  esac
}
for s in "${STAGES[@]}"; do run_stage "$s"; done

summary 0
