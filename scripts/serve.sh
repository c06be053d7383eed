#!/usr/bin/env bash
# Set up the tools (scripts/setup.sh), then build and serve the app with live
# reload at http://127.0.0.1:8080/ (opens no browser). Extra arguments go to
# `trunk serve`, e.g. `scripts/serve.sh --release` or `--port 9000`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash scripts/setup.sh
# trunk 0.21 refuses to start when a [watch] ignore path (Trunk.toml) does not exist.
mkdir -p dist target
exec trunk serve --address 127.0.0.1 --port 8080 "$@"
