# Sourced by the other scripts (not executed): repo root and PATH for the project's tools.
# - PARALLAX_ROOT: the repository root, whatever the caller's cwd.
# - PATH: cargo's bin dir (trunk, wasm-bindgen, wasm-bindgen-test-runner) and
#   e2e/node_modules/.bin (wasm-opt from binaryen@132) first, so trunk finds the
#   pinned tools instead of anything older on the system.
PARALLAX_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PARALLAX_ROOT/e2e/node_modules/.bin:$PATH"
export PATH
cd "$PARALLAX_ROOT" || exit 1
