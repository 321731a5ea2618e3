// Unit tests of how the client picks and starts the server, and of what it tells the user when it
// cannot. serverLaunch.ts uses only Node's modules, so it runs here without VS Code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pmprep-client-test-'));
const bundle = path.join(tmp, 'serverLaunch.cjs');
await esbuild.build({ entryPoints: [path.join(here, '../src/serverLaunch.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'silent' });
const { resolveServer, spawnServer, explainEarlyExit, currentTarget, ServerStartError } = createRequire(import.meta.url)(bundle);

function extensionDir(files) {
  const dir = fs.mkdtempSync(path.join(tmp, 'ext-'));
  for (const [rel, mode] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, '#!/bin/sh\necho "boom: no framework found" >&2\nexit 3\n');
    fs.chmodSync(p, mode);
  }
  return dir;
}

function withPath(value, fn) {
  const old = process.env.PATH;
  process.env.PATH = value;
  try {
    return fn();
  } finally {
    process.env.PATH = old;
  }
}

const target = currentTarget();

test('the bundled server for this platform is used when present', () => {
  const ext = extensionDir({ [`server/${target}/pmprep`]: 0o755 });
  const s = resolveServer(ext, '');
  assert.equal(s.kind, 'bundled');
  assert.equal(s.command, path.join(ext, 'server', target, 'pmprep'));
  assert.deepEqual(s.args, ['--stdio']);
});

test('pmprep.server.path overrides the bundled server', () => {
  const ext = extensionDir({ [`server/${target}/pmprep`]: 0o755, 'custom/pmprep': 0o755 });
  const s = resolveServer(ext, path.join(ext, 'custom/pmprep'));
  assert.equal(s.kind, 'setting');
});

test('a pmprep.server.path that does not exist is explained, with the setting to fix', () => {
  const ext = extensionDir({});
  assert.throws(() => resolveServer(ext, '/nonexistent/pmprep'), (e) => e instanceof ServerStartError && e.action === 'settings' && /pmprep\.server\.path/.test(e.message) && /does not exist/.test(e.message));
});

test('a source checkout runs the Debug build under dotnet', () => {
  const ext = extensionDir({ 'server/PmPrep.Server/bin/Debug/net10.0/pmprep.dll': 0o644, 'fakebin/dotnet': 0o755 });
  const s = withPath(path.join(ext, 'fakebin'), () => resolveServer(ext, ''));
  assert.equal(s.kind, 'development');
  assert.equal(s.command, path.join(ext, 'fakebin', 'dotnet'));
  assert.deepEqual(s.args, [path.join(ext, 'server/PmPrep.Server/bin/Debug/net10.0/pmprep.dll'), '--stdio']);
});

test('a source checkout without .NET says to install .NET 10', () => {
  const ext = extensionDir({ 'server/PmPrep.Server/bin/Debug/net10.0/pmprep.dll': 0o644 });
  assert.throws(() => withPath(path.join(ext, 'empty'), () => resolveServer(ext, '')), (e) => e.action === 'dotnet' && /\.NET 10/.test(e.message));
});

test('a package built for another platform names the platforms it has', () => {
  const other = target === 'win32-x64' ? 'linux-x64' : 'win32-x64';
  const ext = extensionDir({ [`server/${other}/pmprep.exe`]: 0o755 });
  assert.throws(() => resolveServer(ext, ''), (e) => new RegExp(`no server for ${target}`).test(e.message) && e.message.includes(other));
});

test('a server file that is not executable is reported, not thrown as a stack trace', async () => {
  const ext = extensionDir({ [`server/${target}/pmprep`]: 0o644 });
  const s = resolveServer(ext, '');
  await assert.rejects(spawnServer(s, ext), (e) => e instanceof ServerStartError && /not executable/.test(e.message));
});

test('a server that exits at once is explained with its exit code and last stderr line', async () => {
  const ext = extensionDir({ [`server/${target}/pmprep`]: 0o755 });
  const s = resolveServer(ext, '');
  const child = await spawnServer(s, ext);
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const code = await new Promise((r) => child.on('exit', (c) => r(c)));
  const e = explainEarlyExit(s, code, null, err.trim());
  assert.match(e.message, /exited with code 3/);
  assert.match(e.message, /boom: no framework found/);
  const dev = explainEarlyExit({ ...s, kind: 'development' }, 150, null, 'You must install or update .NET to run this application. framework not found');
  assert.equal(dev.action, 'dotnet');
});

test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
