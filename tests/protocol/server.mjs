// Finds and spawns the built `pmprep --stdio`, and wires a vscode-jsonrpc connection to it.
// It builds nothing: when the server is not built it fails with a message that says what to run.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The server to run: $PMPREP_SERVER (an apphost, a native AOT binary or pmprep.dll), else the newest build. */
export function findServer() {
  const fromEnv = process.env.PMPREP_SERVER;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`PMPREP_SERVER=${fromEnv} does not exist`);
    return fromEnv;
  }
  const candidates = ['Debug', 'Release']
    .map(c => join(repoRoot, 'server', 'PmPrep.Server', 'bin', c, 'net10.0', 'pmprep.dll'))
    .filter(existsSync)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (candidates.length === 0) {
    throw new Error('The PmPrep server is not built. Run `dotnet build server/PmPrep.Server` from the repository root ' +
      '(or set PMPREP_SERVER to a built pmprep binary or pmprep.dll), then run the protocol tests again.');
  }
  return candidates[0];
}

export function spawnServer(extraArgs = [], extraEnv = {}) {
  const server = findServer();
  const [cmd, args] = server.endsWith('.dll') ? ['dotnet', [server, '--stdio', ...extraArgs]] : [server, ['--stdio', ...extraArgs]];
  const started = process.hrtime.bigint();
  const proc = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', ...extraEnv } });
  let stderr = '';
  proc.stderr.on('data', d => { stderr += d.toString(); });
  const exited = new Promise(res => proc.on('exit', (code, signal) => res({ code, signal })));
  const connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  return { proc, connection, exited, started, server, get stderr() { return stderr; } };
}

/** Collects publishDiagnostics and lets a test wait for a given uri and version. */
export class DiagnosticsSink {
  constructor(connection) {
    this.all = [];
    this.waiters = [];
    connection.onNotification('textDocument/publishDiagnostics', p => {
      this.all.push(p);
      for (const w of [...this.waiters]) if (w.match(p)) { w.resolve(p); this.waiters.splice(this.waiters.indexOf(w), 1); }
    });
  }
  waitFor(match, timeoutMs = 15000) {
    const hit = [...this.all].reverse().find(match);
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('timed out waiting for publishDiagnostics')), timeoutMs);
      this.waiters.push({ match, resolve: p => { clearTimeout(t); resolve(p); } });
    });
  }
  version(uri, version, timeoutMs) { return this.waitFor(p => p.uri === uri && p.version === version, timeoutMs); }
}

/** Applies LSP text edits (UTF-16 positions, as JavaScript strings count) to a text. */
export function applyEdits(text, edits) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') { i++; lineStarts.push(i + 1); }
    else if (text[i] === '\n' || text[i] === '\r') lineStarts.push(i + 1);
  }
  const offset = p => Math.min(text.length, (lineStarts[p.line] ?? text.length) + p.character);
  const sorted = edits.map(e => ({ s: offset(e.range.start), e: offset(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  for (const { s, e, t } of sorted) text = text.slice(0, s) + t + text.slice(e);
  return text;
}

export function positionOf(text, phrase, delta = 0) {
  const i = text.indexOf(phrase);
  if (i < 0) throw new Error(`"${phrase}" not found`);
  const before = text.slice(0, i + delta);
  const lines = before.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}
