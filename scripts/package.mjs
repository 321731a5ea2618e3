#!/usr/bin/env node
// `npm run package [-- --target T] [-- --no-aot]`: builds a platform VSIX that carries its own
// self-contained server, so users need no .NET runtime.
//
//  1. bundles the client with esbuild (production) into out/extension.js;
//  2. publishes the server for the target's .NET runtime id: Native AOT when building for this
//     machine's own OS and CPU (AOT cannot cross-compile between OSes), else a self-contained
//     single-file executable; AOT falls back to single-file if it fails;
//  3. stages dist/stage/<target>/ with package.json, README.md, out/extension.js,
//     server/<target>/pmprep[.exe] and docs/rules/*.md (the server links diagnostics to the
//     nearest docs/rules/ above its binary, so <extension>/docs/rules/ gives working links) and
//     LICENSE-WordNet.txt (the licence of the WordNet data inside the server);
//  4. runs `vsce package --target <target> --no-dependencies` there, writing
//     dist/pmprep-<target>-<version>.vsix;
//  5. packs the CLI as a `dotnet tool` (PackAsTool, command `pmprep`, framework-dependent, so it
//     runs wherever .NET 10 does): dist/PmPrep.<version>.nupkg, installed with
//     `dotnet tool install --global --add-source dist PmPrep`;
//  6. archives the standalone server of step 2 with the rule pages (so diagnostics link to them):
//     dist/pmprep-<version>-<target>.tar.gz, holding pmprep-<version>-<target>/pmprep[.exe] and
//     pmprep-<version>-<target>/docs/rules/*.md and LICENSE-WordNet.txt. `--skip-vsix` does
//     steps 2, 5 and 6 only. (The tool package carries the licence too: see PmPrep.Server.csproj.)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

// VS Code platform target -> .NET runtime identifier.
const RIDS = {
  'linux-x64': 'linux-x64',
  'linux-arm64': 'linux-arm64',
  'linux-armhf': 'linux-arm',
  'alpine-x64': 'linux-musl-x64',
  'alpine-arm64': 'linux-musl-arm64',
  'darwin-x64': 'osx-x64',
  'darwin-arm64': 'osx-arm64',
  'win32-x64': 'win-x64',
  'win32-arm64': 'win-arm64',
};
const hostTarget = `${process.platform}-${process.arch}`;
const target = opt('--target') ?? process.env.PMPREP_TARGET ?? hostTarget;
const rid = RIDS[target];
if (!rid) {
  console.error(`package: unknown target "${target}"; use one of ${Object.keys(RIDS).join(', ')}`);
  process.exit(2);
}
const exe = target.startsWith('win32-') ? 'pmprep.exe' : 'pmprep';
const wantAot = !args.includes('--no-aot') && target === hostTarget;

function run(cmd, cmdArgs, options = {}) {
  console.log(`> ${cmd} ${cmdArgs.join(' ')}`);
  execFileSync(cmd, cmdArgs, { stdio: 'inherit', cwd: root, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' }, ...options });
}

const skipVsix = args.includes('--skip-vsix');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

// 1. client bundle
if (!skipVsix) run(process.execPath, [path.join(root, 'client-vscode/esbuild.mjs'), '--production']);

// 2. server
const publishDir = path.join(root, 'dist', 'server', target);
fs.rmSync(publishDir, { recursive: true, force: true });
const project = path.join(root, 'server/PmPrep.Server/PmPrep.Server.csproj');
// The lock files pin the framework-independent graph that the build and tests restore (locked under
// CI=true). A runtime-specific publish adds the runtime packs and the AOT compiler, which that graph
// does not hold, so the publish and pack restores are not locked; the packages they share stay the pinned ones.
// Their intermediate files go under dist/artifacts (--artifacts-path), not the projects' obj/ and
// bin/: a runtime-specific restore rewrites obj/project.assets.json, after which the test build
// and the README's `dotnet run` restored and rebuilt from scratch (33 s instead of 2.5 s).
const artifacts = ['--artifacts-path', path.join(root, 'dist', 'artifacts')];
const common = ['publish', project, ...artifacts, '-c', 'Release', '-r', rid, '-o', publishDir, '-p:DebugType=none', '-p:DebugSymbols=false', `-p:Version=${manifest.version}`, '-p:RestoreLockedMode=false'];
let mode = 'Native AOT';
try {
  if (!wantAot) throw new Error('skip');
  run('dotnet', [...common, '-p:PublishAot=true', '-p:StripSymbols=true']);
} catch (e) {
  if (wantAot) console.warn('package: Native AOT publish failed; falling back to a self-contained single-file server');
  mode = 'self-contained single file';
  fs.rmSync(publishDir, { recursive: true, force: true });
  run('dotnet', [...common, '--self-contained', '-p:PublishSingleFile=true', '-p:PublishAot=false', '-p:IncludeNativeLibrariesForSelfExtract=true', '-p:EnableCompressionInSingleFile=true']);
}
const serverBinary = path.join(publishDir, exe);
if (!fs.existsSync(serverBinary)) {
  console.error(`package: the publish step did not produce ${serverBinary}`);
  process.exit(1);
}

const wordnetLicence = path.join(root, 'server/PmPrep.Core/Data/wordnet/LICENSE-WordNet.txt');

if (!skipVsix) {
  // 3. stage
  const stage = path.join(root, 'dist', 'stage', target);
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(path.join(stage, 'out'), { recursive: true });
  fs.mkdirSync(path.join(stage, 'server', target), { recursive: true });
  const staged = structuredClone(manifest);
  // The staged manifest keeps what VS Code and vsce read: no scripts (vsce would run
  // vscode:prepublish), no dependencies (vscode-languageclient is inside the bundle).
  delete staged.scripts;
  delete staged.dependencies;
  delete staged.allowScripts;
  fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(staged, null, 2) + '\n');
  fs.copyFileSync(path.join(root, 'client-vscode/README.md'), path.join(stage, 'README.md'));
  fs.copyFileSync(path.join(root, 'out/extension.js'), path.join(stage, 'out/extension.js'));
  fs.copyFileSync(path.join(root, '.vscodeignore'), path.join(stage, '.vscodeignore'));
  // Third-party data inside the server (WordNet): its licence must travel with every copy.
  fs.copyFileSync(path.join(root, 'server/PmPrep.Core/Data/wordnet/LICENSE-WordNet.txt'), path.join(stage, 'LICENSE-WordNet.txt'));
  fs.copyFileSync(serverBinary, path.join(stage, 'server', target, exe));
  fs.chmodSync(path.join(stage, 'server', target, exe), 0o755);
  // Rule pages for codeDescription.href and the hover's link (see docs/protocol.md).
  const rulesDir = path.join(root, 'docs', 'rules');
  const rulePages = fs.readdirSync(rulesDir).filter((f) => f.endsWith('.md'));
  if (rulePages.length === 0) {
    console.error(`package: no rule pages in ${rulesDir}`);
    process.exit(1);
  }
  fs.mkdirSync(path.join(stage, 'docs', 'rules'), { recursive: true });
  for (const f of rulePages) fs.copyFileSync(path.join(rulesDir, f), path.join(stage, 'docs', 'rules', f));

  // 4. vsix
  const vsix = path.join(root, 'dist', `pmprep-${target}-${manifest.version}.vsix`);
  fs.rmSync(vsix, { force: true });
  run(process.execPath, [
    path.join(root, 'node_modules/@vscode/vsce/vsce'), 'package',
    '--target', target, '--no-dependencies', '--skip-license', '--allow-missing-repository',
    '--no-rewrite-relative-links', '--out', vsix,
  ], { cwd: stage });
  const size = (fs.statSync(vsix).size / 1024 / 1024).toFixed(1);
  console.log(`package: wrote ${path.relative(root, vsix)} (${size} MB, server: ${mode} for ${rid})`);
}

// 5. dotnet tool package (framework-dependent: a tool runs on the installed .NET)
const nupkg = path.join(root, 'dist', `PmPrep.${manifest.version}.nupkg`);
fs.rmSync(nupkg, { force: true });
// PackageId, ToolCommandName and the description are in PmPrep.Server.csproj.
run('dotnet', ['pack', project, ...artifacts, '-c', 'Release', '-o', path.join(root, 'dist'), '-p:PackAsTool=true',
  `-p:Version=${manifest.version}`, '-p:PublishAot=false', '-p:DebugType=none', '-p:DebugSymbols=false', '-p:RestoreLockedMode=false', '-nologo']);
if (!fs.existsSync(nupkg)) {
  console.error(`package: dotnet pack did not produce ${nupkg}`);
  process.exit(1);
}
console.log(`package: wrote ${path.relative(root, nupkg)} (${(fs.statSync(nupkg).size / 1024 / 1024).toFixed(1)} MB, dotnet tool "pmprep")`);

// 6. standalone archive of the server binary and the rule pages
const archiveName = `pmprep-${manifest.version}-${target}`;
const archiveStage = path.join(root, 'dist', 'archive', archiveName);
fs.rmSync(path.join(root, 'dist', 'archive'), { recursive: true, force: true });
fs.mkdirSync(path.join(archiveStage, 'docs', 'rules'), { recursive: true });
fs.copyFileSync(serverBinary, path.join(archiveStage, exe));
fs.chmodSync(path.join(archiveStage, exe), 0o755);
for (const f of fs.readdirSync(path.join(root, 'docs', 'rules')).filter((f) => f.endsWith('.md')))
  fs.copyFileSync(path.join(root, 'docs', 'rules', f), path.join(archiveStage, 'docs', 'rules', f));
fs.copyFileSync(wordnetLicence, path.join(archiveStage, 'LICENSE-WordNet.txt'));
const archive = path.join(root, 'dist', `${archiveName}.tar.gz`);
fs.rmSync(archive, { force: true });
run('tar', ['-czf', archive, '-C', path.join(root, 'dist', 'archive'), archiveName]);
console.log(`package: wrote ${path.relative(root, archive)} (${(fs.statSync(archive).size / 1024 / 1024).toFixed(1)} MB, server: ${mode} for ${rid})`);
