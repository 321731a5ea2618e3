#!/usr/bin/env bash
# The CLI as users install it (after `npm run package`): installs dist/PmPrep.<version>.nupkg as a
# dotnet tool into an empty temporary folder, with a NuGet config that knows only dist/ and an
# empty package cache (so nothing stale or remote is used), runs `pmprep check` on examples/ and
# checks the JSON; then unpacks the standalone archive and does the same with its binary.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="$(node -p "require('$root/package.json').version")"
nupkg="$root/dist/PmPrep.$version.nupkg"
[ -f "$nupkg" ] || { echo "test-tool: $nupkg is missing: run npm run package first" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NUGET_PACKAGES="$tmp/packages"
cat > "$tmp/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="dist" value="$root/dist" />
  </packageSources>
</configuration>
XML

check() { # $1: the pmprep binary
  local out="$tmp/out.json" code=0
  (cd "$root" && "$1" check examples --format json > "$out") || code=$?
  # The examples carry error-severity findings on purpose: exit 1 is the expected answer.
  [ "$code" = 1 ] || { echo "test-tool: $1 check examples exited $code, expected 1" >&2; exit 1; }
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const all = require("fs").readdirSync(process.argv[2], { recursive: true }).map(String);
    const want = all.filter(f => f.endsWith(".story.md")).length;
    const practice = all.filter(f => /\.(story|design|prfaq)\.md$/.test(f)).length; // design answers and PR/FAQs sit in subfolders
    if (r.version !== 1) throw new Error("version " + r.version);
    if (r.files.length !== practice) throw new Error(`files: ${r.files.length}, expected ${practice}`);
    if (!r.files.every(f => Array.isArray(f.diagnostics))) throw new Error("a file without diagnostics");
    if (r.bank.stories !== want) throw new Error("bank stories " + r.bank.stories);
    if (!r.bank.diagnostics.some(d => d.rule === "role-inconsistency")) throw new Error("no role-inconsistency in the bank");
  ' "$out" "$root/examples"
  "$1" --version | grep -qx "pmprep $version" || { echo "test-tool: $1 --version: $("$1" --version)" >&2; exit 1; }
}

start=$(date +%s%N)
(cd "$tmp" && dotnet tool install PmPrep --version "$version" --tool-path "$tmp/tools" --configfile "$tmp/nuget.config" > "$tmp/install.log") \
  || { cat "$tmp/install.log" >&2; exit 1; }
installed=$(date +%s%N)
check "$tmp/tools/pmprep"
echo "test-tool: dotnet tool install took $(( (installed - start) / 1000000 )) ms; pmprep check examples ok"

archive="$(ls "$root"/dist/pmprep-"$version"-*.tar.gz 2>/dev/null | head -1 || true)"
if [ -z "$archive" ]; then echo "test-tool: no standalone archive in dist/" >&2; exit 1; fi
mkdir -p "$tmp/standalone"
tar -xzf "$archive" -C "$tmp/standalone"
bin="$(ls -d "$tmp"/standalone/pmprep-*/pmprep)"
check "$bin"
[ -f "$(dirname "$bin")/docs/rules/duplicate-story.md" ] || { echo "test-tool: the archive has no docs/rules" >&2; exit 1; }
echo "test-tool: standalone $(basename "$archive") ok"
