#!/usr/bin/env bash
# `npm run test:protocol`: the Node protocol tests in tests/protocol (owned by the language-server
# work), installed from their lock file, against the Debug server that build:server produced.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../tests/protocol" 2>/dev/null || { echo "test:protocol: tests/protocol is missing" >&2; exit 1; }
if [ ! -f package.json ]; then
  echo "test:protocol: tests/protocol has no package.json" >&2
  exit 1
fi
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
npm test
