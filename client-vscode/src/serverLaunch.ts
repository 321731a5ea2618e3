import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** How the language server will be started, and why that way. */
export interface ServerCommand {
  kind: 'bundled' | 'setting' | 'development';
  command: string;
  args: string[];
  /** Shown to the user when the server cannot start. */
  description: string;
}

/** A reason the server cannot start, phrased for the user, with what to do about it. */
export class ServerStartError extends Error {
  constructor(message: string, readonly action: 'settings' | 'output' | 'dotnet' = 'output') {
    super(message);
  }
}

/** The VS Code platform target of this machine, as used by `vsce package --target`. */
export function currentTarget(): string {
  return `${process.platform}-${process.arch}`;
}

function executableName(): string {
  return process.platform === 'win32' ? 'pmprep.exe' : 'pmprep';
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Finds a program on PATH (what a shell would run), or undefined. */
export function which(program: string): string | undefined {
  const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD').split(';') : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, program + ext);
      if (isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * Picks the server: the `pmprep.server.path` setting when the user set one, else the binary
 * bundled in the extension for this platform, else (running from a source checkout) the Debug
 * build under the .NET runtime. Throws ServerStartError, with what to do, when none is usable.
 */
export function resolveServer(extensionPath: string, settingPath: string | undefined): ServerCommand {
  const configured = settingPath?.trim();
  if (configured) {
    const resolved = path.resolve(configured);
    if (!isFile(resolved)) {
      throw new ServerStartError(
        `PmPrep could not start its language server: the file set in "pmprep.server.path" does not exist (${resolved}). ` +
          'Fix the path or clear the setting to use the bundled server.',
        'settings',
      );
    }
    return { kind: 'setting', command: resolved, args: ['--stdio'], description: `${resolved} (from pmprep.server.path)` };
  }

  const target = currentTarget();
  const bundled = path.join(extensionPath, 'server', target, executableName());
  if (isFile(bundled)) {
    return { kind: 'bundled', command: bundled, args: ['--stdio'], description: `the bundled server for ${target}` };
  }

  const devDll = path.join(extensionPath, 'server', 'PmPrep.Server', 'bin', 'Debug', 'net10.0', 'pmprep.dll');
  if (isFile(devDll)) {
    const dotnet = which('dotnet');
    if (!dotnet) {
      throw new ServerStartError(
        'PmPrep could not start its language server: it needs the .NET 10 runtime ("dotnet" is not on PATH). ' +
          'Install .NET 10, or install the PmPrep package built for your platform, which needs no .NET.',
        'dotnet',
      );
    }
    return { kind: 'development', command: dotnet, args: [devDll, '--stdio'], description: `the development build (${devDll})` };
  }

  const hasOtherTargets = safeList(path.join(extensionPath, 'server')).filter((d) => /^[a-z0-9]+-[a-z0-9]+$/.test(d) && d !== target);
  throw new ServerStartError(
    `PmPrep could not start its language server: this package has no server for ${target}` +
      (hasOtherTargets.length ? ` (it was built for ${hasOtherTargets.join(', ')})` : '') +
      '. Install the PmPrep package built for your platform, or set "pmprep.server.path" to a pmprep executable.',
    'settings',
  );
}

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * Starts the server process. Resolves once the OS has started it; rejects with a ServerStartError
 * when it cannot be started at all (missing, not executable). A server that starts and then exits
 * at once is reported by `watchEarlyExit`.
 */
export function spawnServer(server: ServerCommand, cwd: string | undefined): Promise<cp.ChildProcess> {
  return new Promise((resolve, reject) => {
    let child: cp.ChildProcess;
    try {
      child = cp.spawn(server.command, server.args, { cwd, stdio: 'pipe', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' } });
    } catch (e) {
      reject(explainSpawnError(server, e as NodeJS.ErrnoException));
      return;
    }
    child.once('error', (e: NodeJS.ErrnoException) => reject(explainSpawnError(server, e)));
    child.once('spawn', () => resolve(child));
  });
}

function explainSpawnError(server: ServerCommand, e: NodeJS.ErrnoException): ServerStartError {
  if (e.code === 'EACCES') {
    return new ServerStartError(
      `PmPrep could not start its language server: ${server.command} is not executable. ` +
        (server.kind === 'setting' ? 'Check "pmprep.server.path".' : 'Reinstall the extension.'),
      server.kind === 'setting' ? 'settings' : 'output',
    );
  }
  if (e.code === 'ENOENT') {
    return new ServerStartError(
      `PmPrep could not start its language server: ${server.command} was not found.`,
      server.kind === 'setting' ? 'settings' : 'output',
    );
  }
  return new ServerStartError(`PmPrep could not start its language server (${server.description}): ${e.message}`);
}

/** Keeps the last lines the server wrote to stderr, to quote them when it exits early. */
export class StderrTail {
  private text = '';
  attach(child: cp.ChildProcess): void {
    child.stderr?.on('data', (chunk: Buffer) => {
      this.text = (this.text + chunk.toString('utf8')).slice(-4000);
    });
  }
  lastLine(): string {
    const lines = this.text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
    return lines.length ? lines[lines.length - 1] : '';
  }
}

/** The message for a server process that exited before it finished starting. */
export function explainEarlyExit(server: ServerCommand, code: number | null, signal: string | null, stderrLine: string): ServerStartError {
  const how = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
  let hint = 'See the PmPrep output for details.';
  if (server.kind === 'development' && /framework|hostfxr|runtime/i.test(stderrLine)) {
    hint = 'It needs the .NET 10 runtime: install .NET 10, or install the PmPrep package built for your platform.';
    return new ServerStartError(`PmPrep could not start its language server: it ${how}${stderrLine ? ` ("${stderrLine}")` : ''}. ${hint}`, 'dotnet');
  }
  return new ServerStartError(
    `PmPrep could not start its language server (${server.description}): it ${how}${stderrLine ? ` ("${stderrLine}")` : ''}. ${hint}`,
  );
}
