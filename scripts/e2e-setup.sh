#!/usr/bin/env bash
# Installs what the end-to-end test needs, and nothing twice:
#   - Debian packages: chromium (the browser Playwright drives) and the headers that
#     code-server's native modules build against (libkrb5-dev libx11-dev libxkbfile-dev
#     libsecret-1-dev pkg-config);
#   - Node 24 (the npm package node@24) and code-server 4.139.1 (VS Code 1.139.1), in a cache
#     folder outside the repository ($PMPREP_E2E_CACHE, default ~/.cache/pmprep-e2e), reused on
#     later runs (the first install takes about 4 minutes and 600 MB);
#   - playwright-core for tests/e2e (npm ci from its lock file).
# Non-interactive, so CI on a clean machine can run it. Nothing is downloaded at test time.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${PMPREP_E2E_CACHE:-$HOME/.cache/pmprep-e2e}
CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

log() { echo "e2e-setup: $*"; }

# --- Debian packages ------------------------------------------------------------------------
PKGS=(libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config chromium)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
  log "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
else
  log "Debian packages present"
fi
test -x /usr/bin/chromium || { log "chromium is missing at /usr/bin/chromium"; exit 1; }

# --- Node 24 ---------------------------------------------------------------------------------
NODE_DIR="$CACHE/node$NODE_MAJOR"
NODE_BIN="$NODE_DIR/node_modules/.bin"
if [ -x "$NODE_BIN/node" ] && "$NODE_BIN/node" --version 2>/dev/null | grep -q "^v$NODE_MAJOR\."; then
  log "Node $("$NODE_BIN/node" --version) present in $NODE_DIR"
else
  log "installing node@$NODE_MAJOR into $NODE_DIR"
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  # node@24 fetches its binary in a preinstall script: allow that one package's scripts.
  echo '{"private":true,"allowScripts":{"node":true}}' >"$NODE_DIR/package.json"
  (cd "$NODE_DIR" && npm install --no-save --no-package-lock "node@$NODE_MAJOR" >/dev/null)
  "$NODE_BIN/node" --version | grep -q "^v$NODE_MAJOR\." || { log "node@$NODE_MAJOR did not install"; exit 1; }
fi
# The Node headers that code-server's native modules compile against (npm's nodedir).
# node@24 keeps the whole release (binary and include/node) in its node-<os>-<arch> dependency.
GYPI=$(find "$NODE_DIR/node_modules" -path '*/include/node/common.gypi' -print -quit)
test -n "$GYPI" || { log "no Node headers (include/node/common.gypi) under $NODE_DIR"; exit 1; }
NODE_HEADERS=$(dirname "$(dirname "$(dirname "$GYPI")")")

# --- code-server -----------------------------------------------------------------------------
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
if [ -f "$CS_DIR/.complete" ] && [ -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  log "code-server $CODE_SERVER_VERSION present in $CS_DIR"
else
  log "installing code-server $CODE_SERVER_VERSION into $CS_DIR (about 4 minutes)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  echo '{"private":true}' >"$CS_DIR/package.json"
  start=$(date +%s)
  # code-server's postinstall runs nested npm installs that build native modules: they need
  # Node 24 first on PATH, its headers as nodedir (else node-gyp tries to download headers), and
  # install scripts allowed for the whole tree.
  (
    cd "$CS_DIR"
    # When this script runs under `npm run`, the outer npm's npm_* variables (among them
    # npm_config_user_agent, from which code-server's postinstall reads the Node version) would
    # describe the machine's Node, not Node 24: drop them.
    for v in $(compgen -e | grep -i '^npm_'); do unset "$v"; done
    unset NODE
    export PATH="$NODE_BIN:$PATH"
    export npm_config_nodedir="$NODE_HEADERS"
    export npm_config_dangerously_allow_all_scripts=true
    npm install --no-save --no-package-lock "code-server@$CODE_SERVER_VERSION" >"$CS_DIR/install.log" 2>&1
  ) || { tail -40 "$CS_DIR/install.log"; log "code-server install failed"; exit 1; }
  PATH="$NODE_BIN:$PATH" "$CS_DIR/node_modules/.bin/code-server" --version --user-data-dir "$CS_DIR/probe" --config "$CS_DIR/probe/config.yaml" >/dev/null 2>&1 || true
  rm -rf "$CS_DIR/probe"
  touch "$CS_DIR/.complete"
  log "code-server installed in $(( $(date +%s) - start )) s"
fi

# --- playwright-core -------------------------------------------------------------------------
if [ ! -d "$ROOT/tests/e2e/node_modules/playwright-core" ]; then
  log "installing tests/e2e dependencies"
  (cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund >/dev/null)
fi

# Tell the test where things are (also the defaults it computes itself).
cat >"$CACHE/env.json" <<JSON
{"node": "$NODE_BIN/node", "nodeBin": "$NODE_BIN", "codeServer": "$CS_DIR/node_modules/.bin/code-server", "chromium": "/usr/bin/chromium"}
JSON
log "ready ($CACHE/env.json)"
