#!/usr/bin/env bash
# Side-by-side: PmPrep against write-good and markdownlint on one generated corpus, in one run.
#   bench/compare/run.sh [--aot] [--reps N]      (PMPREP_AOT=/path/to/pmprep reuses a published AOT binary;
#                                                 PMPREP_AOT_BEFORE=/path/to/old/pmprep adds an older build, interleaved)
# Installs the peers from npm into bench/compare/peers (pinned in its package.json/lock), builds
# PmPrep in Release (and with --aot, publishes the Native AOT CLI), writes the corpus to
# bench/compare/out/corpus, then times warm in-process linting and whole-process CLI runs and
# prints a table with ratios. Nothing here is a test: figures depend on the machine and its load.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
aot=0; reps=21
while [ $# -gt 0 ]; do
  case "$1" in
    --aot) aot=1 ;;
    --reps) reps="$2"; shift ;;
    *) echo "usage: $0 [--aot] [--reps N]" >&2; exit 2 ;;
  esac
  shift
done

echo "== peers (npm, into $here/peers)"
( cd "$here/peers" && if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi )

echo "== PmPrep (Release build)"
dotnet build -c Release "$root/bench/PmPrep.Benchmarks" -nologo -v q >/dev/null
dotnet build -c Release "$root/server/PmPrep.Server" -nologo -v q >/dev/null
jit_cli="$root/server/PmPrep.Server/bin/Release/net10.0/pmprep"
aot_cli="${PMPREP_AOT:-}"   # an AOT binary already published: skips the publish below
if [ "$aot" = 1 ] && [ -z "$aot_cli" ]; then
  echo "== PmPrep Native AOT publish"
  dotnet publish "$root/server/PmPrep.Server" --artifacts-path "$here/out/artifacts" -r linux-x64 -p:PublishAot=true -p:RestoreLockedMode=false -c Release -o "$here/out/aot" -nologo -v q >/dev/null
  aot_cli="$here/out/aot/pmprep"
fi

corpus="$here/out/corpus"
rm -rf "$corpus"
dotnet "$root/bench/PmPrep.Benchmarks/bin/Release/net10.0/PmPrep.Benchmarks.dll" corpus "$corpus"

node "$here/compare.mjs" --corpus "$corpus" --reps "$reps" \
  --bench-dll "$root/bench/PmPrep.Benchmarks/bin/Release/net10.0/PmPrep.Benchmarks.dll" \
  --jit-cli "$jit_cli" ${aot_cli:+--aot-cli "$aot_cli"} ${PMPREP_AOT_BEFORE:+--aot-cli-before "$PMPREP_AOT_BEFORE"}
