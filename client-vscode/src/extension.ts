import * as readline from 'node:readline';
import type { Readable } from 'node:stream';
import * as vscode from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  CodeLensRequest,
  ErrorAction,
  ErrorHandlerResult,
  LanguageClient,
  LanguageClientOptions,
  Message,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';
import { bankSummary, COVERAGE_REQUEST, CoverageModel, CoverageResult, CoverageTreeProvider, LspRange, openEvidence } from './coverage';
import { newStory } from './newStory';
import { newDesignAnswer, PRACTICE_SELECTOR } from './practiceFiles';
import { CoverageReport } from './report';
import { REPORT_REQUEST, ReportResult } from './reportPage';
import { explainEarlyExit, resolveServer, ServerCommand, ServerStartError, spawnServer, StderrTail } from './serverLaunch';
import { isStory, minutesFromLensTitle, MinutesStatusBar } from './statusBar';

// Stories, design answers and PR/FAQs (see practiceFiles.ts).
const STORY_SELECTOR = PRACTICE_SELECTOR;

/**
 * The language client with the library's own pop-ups turned off: each start failure or crash is
 * explained once, by `reportStartFailure`, in words a user can act on. Everything is still
 * logged to the PmPrep output channel.
 */
class PmPrepClient extends LanguageClient {
  override error(message: string, data?: unknown, _showNotification?: boolean | 'force'): void {
    super.error(message, data, false);
  }
}

let client: PmPrepClient | undefined;
let output: vscode.LogOutputChannel;
let model: CoverageModel;
/** The last failure explained to the user, so one problem gives one notification. */
let lastFailure: string | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('PmPrep', { log: true });
  context.subscriptions.push(output);

  model = new CoverageModel(fetchCoverage, (m) => output.warn(m));
  const tree = new CoverageTreeProvider(model);
  const view = vscode.window.createTreeView('pmprep.coverage', { treeDataProvider: tree, showCollapseAll: true });
  const report = new CoverageReport(model, fetchReport, (m) => output.warn(m));
  const status = new MinutesStatusBar(model, lensMinutes);
  context.subscriptions.push(model, view, report, status);
  model.onDidChange((r) => {
    view.message = bankSummary(r);
    view.badge = r ? { value: r.principles.filter((p) => p.gap).length, tooltip: 'Leadership Principles with no evidence yet' } : undefined;
  });

  context.subscriptions.push(
    vscode.commands.registerCommand('pmprep.newStory', newStory),
    vscode.commands.registerCommand('pmprep.newDesignAnswer', newDesignAnswer),
    vscode.commands.registerCommand('pmprep.showCoverageReport', () => report.show()),
    // The server's code lens on the story title runs this id.
    vscode.commands.registerCommand('pmprep.showCoverage', () => report.show()),
    vscode.commands.registerCommand('pmprep.refreshCoverage', () => model.refresh()),
    vscode.commands.registerCommand('pmprep.restartServer', () => restart(context)),
    vscode.commands.registerCommand('pmprep.openEvidence', (uri: string, range?: LspRange) => openEvidence(uri, range)),
    // Diagnostics of a story change after every edit and every bank recomputation: a cheap,
    // reliable moment to ask for the coverage again.
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => /\.story\.md$/i.test(u.path))) model.schedule();
    }),
    vscode.workspace.onDidSaveTextDocument((d) => isStory(d) && model.schedule()),
    vscode.workspace.onDidChangeTextDocument((e) => isStory(e.document) && model.schedule(800)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('pmprep.server.path')) void restart(context);
      else if (e.affectsConfiguration('pmprep')) model.schedule();
    }),
    { dispose: () => void client?.stop() },
  );

  await start(context);
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop().catch(() => undefined);
}

async function fetchCoverage(): Promise<CoverageResult | undefined> {
  if (!client || client.state !== State.Running) return undefined;
  return client.sendRequest<CoverageResult>(COVERAGE_REQUEST, {});
}

async function fetchReport(): Promise<ReportResult | undefined> {
  if (!client || client.state !== State.Running) return undefined;
  return client.sendRequest<ReportResult>(REPORT_REQUEST, {});
}

async function lensMinutes(uri: vscode.Uri): Promise<number | undefined> {
  if (!client || client.state !== State.Running) return undefined;
  const lenses = await client.sendRequest(CodeLensRequest.type, { textDocument: { uri: client.code2ProtocolConverter.asUri(uri) } });
  for (const lens of lenses ?? []) {
    const m = lens.command?.title ? minutesFromLensTitle(lens.command.title) : undefined;
    if (m !== undefined) return m;
  }
  return undefined;
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  const old = client;
  client = undefined;
  model.clear();
  if (old) await old.stop().catch((e) => output.warn(`stopping the server: ${e?.message ?? e}`));
  lastFailure = undefined;
  await start(context);
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  let server: ServerCommand;
  try {
    server = resolveServer(context.extensionPath, vscode.workspace.getConfiguration('pmprep').get<string>('server.path'));
  } catch (e) {
    reportStartFailure(e);
    return;
  }
  output.info(`Starting ${server.description}: ${server.command} ${server.args.join(' ')}`);

  const tail = new StderrTail();
  let earlyExit: ServerStartError | undefined;
  let initialized = false;
  const serverOptions: ServerOptions = async () => {
    const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const child = await spawnServer(server, cwd);
    tail.attach(child);
    child.once('exit', (code, signal) => {
      output.info(`The server process exited (code ${code}, signal ${signal}).`);
      if (!initialized) earlyExit = explainEarlyExit(server, code, signal, tail.lastLine());
    });
    return child;
  };

  const watcher = vscode.workspace.createFileSystemWatcher('**/{*.story.md,.pmprep.yaml}');
  let restarts = 0;
  const clientOptions: LanguageClientOptions = {
    documentSelector: STORY_SELECTOR,
    synchronize: { configurationSection: 'pmprep', fileEvents: watcher },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationFailedHandler: (error) => {
      output.error(`Initialization failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    },
    errorHandler: {
      error: (_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult =>
        count !== undefined && count <= 3 ? { action: ErrorAction.Continue, handled: true } : { action: ErrorAction.Shutdown, handled: true },
      closed: (): CloseHandlerResult => {
        if (!initialized) return { action: CloseAction.DoNotRestart, handled: true };
        // A crash after a good start: restart a few times, then explain.
        if (++restarts <= 3) {
          output.warn(`The server stopped unexpectedly; restarting (${restarts}/3).`);
          return { action: CloseAction.Restart, handled: true };
        }
        reportStartFailure(new ServerStartError(`PmPrep's language server (${server.description}) stopped ${restarts} times and will not be restarted. See the PmPrep output, then run "PmPrep: Restart Server".`));
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
    markdown: { isTrusted: false, supportHtml: false },
    // The server logs to stderr as "[12:00:00.000 INF] ...": keep its level instead of showing
    // every line as an error.
    stdioOptions: { stdout: (input, channel) => logLines(input, channel), stderr: (input, channel) => logLines(input, channel) },
  };

  const c = new PmPrepClient('pmprep', 'PmPrep', serverOptions, clientOptions);
  c.onDidChangeState((e) => {
    if (e.newState === State.Running) {
      initialized = true;
      lastFailure = undefined;
      model.schedule(0);
    }
  });
  client = c;
  context.subscriptions.push(watcher);
  try {
    await c.start();
    initialized = true;
    output.info('The PmPrep language server is running.');
  } catch (e) {
    if (client === c) client = undefined;
    // The process may have exited a moment before its exit event was seen.
    await new Promise((r) => setTimeout(r, 200));
    reportStartFailure(earlyExit ?? (e instanceof ServerStartError ? e : new ServerStartError(`PmPrep could not start its language server (${server.description}): ${(e as Error)?.message ?? e}. See the PmPrep output.`)));
  }
}

function logLines(input: Readable, channel: vscode.LogOutputChannel): void {
  readline.createInterface({ input, crlfDelay: Infinity, terminal: false, historySize: 0 }).on('line', (line) => {
    const level = /^\[[\d:.]+ (VRB|DBG|INF|WRN|ERR|FTL)\]/.exec(line)?.[1];
    if (level === 'ERR' || level === 'FTL') channel.error(line);
    else if (level === 'WRN') channel.warn(line);
    else if (level === 'DBG' || level === 'VRB') channel.debug(line);
    else channel.info(line);
  });
}

/** One notification per distinct failure, with the action that helps. */
function reportStartFailure(e: unknown): void {
  const err = e instanceof ServerStartError ? e : new ServerStartError(`PmPrep could not start its language server: ${(e as Error)?.message ?? e}`);
  output.error(err.message);
  if (lastFailure === err.message) return;
  lastFailure = err.message;
  const actions: string[] = [];
  if (err.action === 'settings') actions.push('Open Settings');
  if (err.action === 'dotnet') actions.push('Get .NET');
  actions.push('Show Output');
  void vscode.window.showErrorMessage(err.message, ...actions).then((choice) => {
    if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'pmprep.server.path');
    else if (choice === 'Get .NET') void vscode.env.openExternal(vscode.Uri.parse('https://dotnet.microsoft.com/download/dotnet/10.0'));
    else if (choice === 'Show Output') output.show(true);
  });
}
