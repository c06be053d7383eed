#!/usr/bin/env bash
# Install (or check) everything the build and the tests need. Idempotent: when
# everything is present it only checks versions (a few seconds).
#
#   wasm32-unknown-unknown target      rustup
#   trunk 0.21.14                      cargo install --locked (trunk 0.22 needs rustc >= 1.96)
#   wasm-bindgen-cli = Cargo.lock's    cargo install (not --locked: a locked dep is yanked)
#   chromium + chromium-driver         apt-get (only if /usr/bin/chromium or chromedriver is missing)
#   node packages in e2e/              npm ci (@playwright/test + playwright-core, binaryen 132 = wasm-opt;
#                                      no browser download: the tests use /usr/bin/chromium)
#
# Prints one line per step: "ok …" when present, "installing …" before any install.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

TRUNK_VERSION=0.21.14
WASM_OPT_VERSION=132

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# Run as root, or through sudo when not root.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@" || sudo "$@"; fi
}

apt_updated=0
apt_install() {
  command -v apt-get >/dev/null || die "apt-get not found: install $* by hand"
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" </dev/null
}

# --- Rust ---------------------------------------------------------------------
command -v cargo >/dev/null || die "cargo not found: install Rust (rustup) first"
command -v rustup >/dev/null || die "rustup not found: it is needed for the wasm32 target"
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "ok wasm32-unknown-unknown target"
else
  say "installing wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for comp in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$comp"; then
    say "installing rustup component $comp"
    rustup component add "$comp"
  fi
done

# --- trunk --------------------------------------------------------------------
have_trunk="$(trunk --version 2>/dev/null || true)"
if [ "$have_trunk" = "trunk $TRUNK_VERSION" ]; then
  say "ok trunk $TRUNK_VERSION"
else
  say "installing trunk $TRUNK_VERSION (found: ${have_trunk:-none}; takes ~8 min)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# --- wasm-bindgen-cli, same version as the wasm-bindgen crate in Cargo.lock ----
[ -f Cargo.lock ] || { say "generating Cargo.lock"; cargo generate-lockfile; }
WBG_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[ -n "$WBG_VERSION" ] || die "no wasm-bindgen package in Cargo.lock"
have_wbg="$(wasm-bindgen --version 2>/dev/null || true)"
have_runner="$(command -v wasm-bindgen-test-runner || true)"
if [ "$have_wbg" = "wasm-bindgen $WBG_VERSION" ] && [ -n "$have_runner" ]; then
  say "ok wasm-bindgen-cli $WBG_VERSION"
else
  say "installing wasm-bindgen-cli $WBG_VERSION (found: ${have_wbg:-none}; takes ~2 min)"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

# --- Chromium + chromedriver (wasm-bindgen-test and Playwright) -----------------
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  say "ok chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}')"
else
  say "installing chromium chromium-driver (apt)"
  apt_install chromium chromium-driver
fi

# --- Node + e2e packages (@playwright/test, binaryen/wasm-opt) ------------------
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "installing nodejs npm (apt)"
  apt_install nodejs npm
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 18 ] || die "node $(node --version) is too old: @playwright/test needs >= 18"

lock_hash="$(sha256sum e2e/package-lock.json | cut -d' ' -f1)"
stamp=e2e/node_modules/.parallax-lock-sha256
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ]; then
  say "ok e2e/node_modules (package-lock unchanged)"
else
  say "installing e2e node packages (npm ci)"
  (cd e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" > "$stamp"
fi

have_opt="$(wasm-opt --version 2>/dev/null || true)"
case "$have_opt" in
  *"version $WASM_OPT_VERSION"*) say "ok wasm-opt $WASM_OPT_VERSION ($(command -v wasm-opt))" ;;
  *) die "wasm-opt $WASM_OPT_VERSION not first on PATH (found: ${have_opt:-none} at $(command -v wasm-opt || echo nowhere))" ;;
esac

say "done"
