#!/usr/bin/env bash
# Prepares the report browser test on a clean machine: Debian's chromium (playwright-core drives
# it; no browser is downloaded) and this folder's npm packages from the lock file.
set -euo pipefail
cd "$(dirname "$0")"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  echo "report-browser: installing Debian chromium" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
"$CHROMIUM" --version >&2
