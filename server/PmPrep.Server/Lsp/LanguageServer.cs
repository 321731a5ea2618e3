using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.VisualStudio.Threading;
using PmPrep.Core.Analysis;
using PmPrep.Core.Practice;
using PmPrep.Core.Bank;
using PmPrep.Core.Catalog;
using PmPrep.Core.Config;
using PmPrep.Core.Report;
using PmPrep.Server.IO;
using PmPrep.Server.Lsp.Protocol;
using Serilog;
using StreamJsonRpc;

namespace PmPrep.Server.Lsp;

/// <summary>Knobs for tests and embedding; the defaults are what `pmprep --stdio` uses.</summary>
public sealed class ServerOptions
{
    /// <summary>How often to check that the editor process named in `initialize` is alive.</summary>
    public TimeSpan ParentPollInterval { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Quiet time after the last story change before bank rules are recomputed.</summary>
    public TimeSpan BankDelay { get; init; } = TimeSpan.FromMilliseconds(150);
    /// <summary>Where rule docs are looked for when neither the client nor `pmprep.docsBaseUrl` names them.</summary>
    public string DocsSearchStart { get; init; } = AppContext.BaseDirectory;
    /// <summary>
    /// Longer documents are not analysed (a spoken story is about 3,000 characters; 1 MB is hours of
    /// speech): the user gets a window/logMessage and the server stays responsive.
    /// </summary>
    public int MaxAnalyzedChars { get; init; } = 1_000_000;
    /// <summary>Test hook: runs on the thread pool before a read request computes its answer.</summary>
    public Func<string, CancellationToken, Task>? BeforeRead { get; init; }
}

/// <summary>
/// The language server. Ordering: StreamJsonRpc invokes handlers through a
/// <see cref="NonConcurrentSynchronizationContext"/>, a FIFO queue that runs one callback at a
/// time in arrival order. Every state change (open, change, close, watched files, configuration,
/// results of background work) runs synchronously on it: that is the single writer. Read
/// requests take an immutable snapshot there and then compute on the thread pool, so they see
/// every edit that arrived before them and never half of one.
/// </summary>
public sealed class LanguageServer : ILanguageServer
{
    private readonly JsonRpc _rpc;
    private readonly SynchronizationContext _writer;
    private readonly ILogger _log;
    private readonly ServerOptions _options;
    private readonly DocumentStore _store = new();
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Writer-owned state.
    private readonly Dictionary<string, DocAnalysisState> _analysis = new(StringComparer.Ordinal);
    private readonly List<string> _roots = new();
    private JsonElement? _clientSettings;
    private string? _yamlText;
    private InitializeParams? _init;
    private bool _shutdown;
    private readonly HashSet<string> _tooLarge = new(StringComparer.Ordinal);

    // Shared with background work (immutable values swapped atomically).
    private volatile SettingsState _settings = new(PmPrepSettings.Default, 0);
    private volatile DocsLinks _docs = new(null);
    private readonly ConcurrentDictionary<string, DiskStory> _disk = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoryAnalysis> _latest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<LspDiagnostic>> _bankByUri = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Seq, List<LspDiagnostic> Story)> _published = new(StringComparer.Ordinal);
    private volatile string[] _rootList = Array.Empty<string>();
    private Task _indexing = Task.CompletedTask;
    private int _bankScheduled;

    // The story bank, kept incrementally: one entry per story, the open buffer's analysis while a
    // document is open, the file on disk's otherwise. Every change to _latest or _disk is followed
    // by SyncBank for that URI, which re-derives the entry from them under _bankGate, so whichever
    // thread syncs last leaves the index matching the truth. Readers take _bank.Current once.
    private readonly BankIndex _bank = new();
    private readonly object _bankGate = new();
    private readonly Dictionary<string, string> _bankKeys = new(StringComparer.Ordinal);   // normalised URI -> key in _bank
    private long _diskGeneration;

    private sealed record SettingsState(PmPrepSettings Settings, long Generation);
    private sealed record DiskStory(string Uri, StoryAnalysis Analysis, long Generation);

    /// <summary>Per open document: the analysis chain (one at a time) and the latest request.</summary>
    private sealed class DocAnalysisState
    {
        public Task Chain = Task.CompletedTask;
        public CancellationTokenSource? Cts;
        public long Seq;
        public long Generation;
        public Task<StoryAnalysis?> Pending = Task.FromResult<StoryAnalysis?>(null);
    }

    public LanguageServer(JsonRpc rpc, ILogger log, ServerOptions? options = null)
    {
        _rpc = rpc;
        _log = log;
        _options = options ?? new ServerOptions();
        _writer = rpc.SynchronizationContext ?? throw new InvalidOperationException("the JsonRpc needs an ordered SynchronizationContext");
        rpc.Disconnected += (_, e) =>
        {
            _log.Information("Connection closed: {Reason} {Description}", e.Reason, e.Description);
            _exit.TrySetResult(_shutdown ? 0 : 1);
        };
    }

    /// <summary>Completes with the process exit code: 0 after shutdown + exit, 1 otherwise.</summary>
    public Task<int> Completion => _exit.Task;
    public DocumentStore Store => _store;
    public PmPrepSettings Settings => _settings.Settings;
    internal Task Indexing => _indexing;
    internal BankIndex Bank => _bank;

    /// <summary>Creates the JSON-RPC connection and the server on a pair of streams (stdio or an in-memory pipe).</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Every type on the wire is in LspJsonContext, which is first in the resolver chain.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Every type on the wire is in LspJsonContext, which is first in the resolver chain.")]
    public static (JsonRpc Rpc, LanguageServer Server, LspMessageHandler Handler) Create(Stream sending, Stream receiving, ILogger log, ServerOptions? options = null)
    {
        var formatter = new SystemTextJsonFormatter();
        // The context's metadata is rebuilt for these options, so they carry LSP's conventions.
        formatter.JsonSerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
        formatter.JsonSerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        formatter.JsonSerializerOptions.TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(
            LspJsonContext.Default, formatter.JsonSerializerOptions.TypeInfoResolver);
        var handler = new LspMessageHandler(sending, receiving, formatter, log);
        var rpc = new JsonRpc(handler)
        {
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
        };
        OutgoingBudget.Register(rpc, handler.Budget);   // notifications count toward backpressure too
        var server = new LanguageServer(rpc, log, options);
        rpc.AddLocalRpcTarget(
            RpcTargetMetadata.FromShape<ILanguageServer>(),
            server,
            new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true, DisposeOnDisconnect = false });
        return (rpc, server, handler);
    }

    // ================================================================== params
    // Handlers receive LSP's params object as a JsonElement and read it here: params of the wrong
    // shape are answered with -32602 (requests) or logged (notifications); StreamJsonRpc itself
    // would drop the connection.

    public Task<InitializeResult> InitializeAsync(JsonElement p, CancellationToken cancellationToken) =>
        InitializeAsyncCore(ParseRequest(p, LspJsonContext.Default.InitializeParams, "initialize"), cancellationToken);

    public void DidOpen(JsonElement p)
    {
        if (ParseNotification(p, LspJsonContext.Default.DidOpenTextDocumentParams, "textDocument/didOpen") is { } x) DidOpenCore(x);
    }

    public void DidChange(JsonElement p)
    {
        if (ParseNotification(p, LspJsonContext.Default.DidChangeTextDocumentParams, "textDocument/didChange") is { } x) DidChangeCore(x);
    }

    public void DidClose(JsonElement p)
    {
        if (ParseNotification(p, LspJsonContext.Default.DidCloseTextDocumentParams, "textDocument/didClose") is { } x) DidCloseCore(x);
    }

    public Task<Hover?> HoverAsync(JsonElement p, CancellationToken cancellationToken) =>
        HoverAsyncCore(ParseRequest(p, LspJsonContext.Default.HoverParams, "textDocument/hover"), cancellationToken);

    public Task<List<CodeAction>> CodeActionAsync(JsonElement p, CancellationToken cancellationToken) =>
        CodeActionAsyncCore(ParseRequest(p, LspJsonContext.Default.CodeActionParams, "textDocument/codeAction"), cancellationToken);

    public Task<List<DocumentSymbol>> DocumentSymbolAsync(JsonElement p, CancellationToken cancellationToken) =>
        DocumentSymbolAsyncCore(ParseRequest(p, LspJsonContext.Default.DocumentSymbolParams, "textDocument/documentSymbol"), cancellationToken);

    public Task<List<CodeLens>> CodeLensAsync(JsonElement p, CancellationToken cancellationToken) =>
        CodeLensAsyncCore(ParseRequest(p, LspJsonContext.Default.CodeLensParams, "textDocument/codeLens"), cancellationToken);

    public Task<List<InlayHint>> InlayHintAsync(JsonElement p, CancellationToken cancellationToken) =>
        InlayHintAsyncCore(ParseRequest(p, LspJsonContext.Default.InlayHintParams, "textDocument/inlayHint"), cancellationToken);

    public Task<CompletionList> CompletionAsync(JsonElement p, CancellationToken cancellationToken) =>
        CompletionAsyncCore(ParseRequest(p, LspJsonContext.Default.CompletionParams, "textDocument/completion"), cancellationToken);

    public void DidChangeWatchedFiles(JsonElement p)
    {
        if (ParseNotification(p, LspJsonContext.Default.DidChangeWatchedFilesParams, "workspace/didChangeWatchedFiles") is { } x) DidChangeWatchedFilesCore(x);
    }

    public void DidChangeConfiguration(JsonElement p)
    {
        if (ParseNotification(p, LspJsonContext.Default.DidChangeConfigurationParams, "workspace/didChangeConfiguration") is { } x) DidChangeConfigurationCore(x);
    }

    public void DidChangeWorkspaceFolders(JsonElement p)
    {
        if (ParseNotification(p, LspJsonContext.Default.DidChangeWorkspaceFoldersParams, "workspace/didChangeWorkspaceFolders") is { } x) DidChangeWorkspaceFoldersCore(x);
    }

    private T ParseRequest<T>(JsonElement p, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info, string method) where T : class
    {
        if (_init is null && method != "initialize")
            throw new LocalRpcException($"{method} before initialize") { ErrorCode = -32002 };   // ServerNotInitialized
        if (_init is not null && method == "initialize")
            throw new LocalRpcException("initialize was already received") { ErrorCode = (int)StreamJsonRpc.Protocol.JsonRpcErrorCode.InvalidRequest };
        if (_shutdown)
            throw new LocalRpcException($"{method} after shutdown") { ErrorCode = (int)StreamJsonRpc.Protocol.JsonRpcErrorCode.InvalidRequest };
        try
        {
            if (p.ValueKind == JsonValueKind.Object && JsonSerializer.Deserialize(p, info) is { } value) return value;
        }
        catch (JsonException ex)
        {
            _log.Warning("Invalid params for {Method}: {Reason}", method, ex.Message);
            throw new LocalRpcException($"Invalid params for {method}: {ex.Message}") { ErrorCode = (int)StreamJsonRpc.Protocol.JsonRpcErrorCode.InvalidParams };
        }
        _log.Warning("Invalid params for {Method}: not an object", method);
        throw new LocalRpcException($"Invalid params for {method}: expected an object") { ErrorCode = (int)StreamJsonRpc.Protocol.JsonRpcErrorCode.InvalidParams };
    }

    private T? ParseNotification<T>(JsonElement p, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info, string method) where T : class
    {
        if (_init is null || _shutdown)
        {
            _log.Warning("{Method} {When}: dropped", method, _init is null ? "before initialize" : "after shutdown");
            return null;
        }
        try
        {
            if (p.ValueKind == JsonValueKind.Object) return JsonSerializer.Deserialize(p, info);
        }
        catch (JsonException ex)
        {
            _log.Warning("Invalid params for {Method}, ignored: {Reason}", method, ex.Message);
            return null;
        }
        _log.Warning("Invalid params for {Method}, ignored: not an object", method);
        return null;
    }

    // ================================================================== lifecycle

    private Task<InitializeResult> InitializeAsyncCore(InitializeParams p, CancellationToken cancellationToken)
    {
        _init = p;
        if (p.WorkspaceFolders is { Count: > 0 } folders)
            _roots.AddRange(folders.Select(f => DocumentStore.LocalPath(f.Uri)).OfType<string>());
        else if (p.RootUri is not null && DocumentStore.LocalPath(p.RootUri) is { } root) _roots.Add(root);
        else if (!string.IsNullOrEmpty(p.RootPath)) _roots.Add(p.RootPath!);
        _rootList = _roots.ToArray();

        string? docsBase = null;
        if (p.InitializationOptions is { ValueKind: JsonValueKind.Object } io && io.TryGetProperty("docsBaseUrl", out var d) && d.ValueKind == JsonValueKind.String)
            docsBase = d.GetString();
        _docs = new DocsLinks(docsBase ?? DocsLinks.FindLocal(_options.DocsSearchStart));

        _yamlText = ReadYaml();
        if (p.InitializationOptions is { ValueKind: JsonValueKind.Object } io2 && io2.TryGetProperty("settings", out var s))
            _clientSettings = s.Clone();
        RecomputeSettings(reanalyze: false);

        if (p.ProcessId is int pid && pid > 0) _ = WatchParentAsync(pid);
        _log.Information("initialize from {Client} {Version}, roots {Roots}, pid {Pid}", p.ClientInfo?.Name, p.ClientInfo?.Version, _roots, p.ProcessId);

        var result = new InitializeResult
        {
            ServerInfo = new ServerInfo { Name = "pmprep", Version = typeof(LanguageServer).Assembly.GetName().Version?.ToString() },
        };
        result.Capabilities.Workspace.WorkspaceFolders.ChangeNotifications = true;
        return Task.FromResult(result);
    }

    public void Initialized(JsonElement? p = null)
    {
        var caps = _init?.Capabilities?.Workspace;
        if (caps?.DidChangeWatchedFiles?.DynamicRegistration == true || caps?.DidChangeConfiguration?.DynamicRegistration == true)
            _ = RegisterAsync(caps);
        if (caps?.Configuration == true) _ = PullConfigurationAsync();
        StartIndexing(_roots.ToList());
    }

    public Task ShutdownAsync(CancellationToken cancellationToken)
    {
        _shutdown = true;
        _log.Information("shutdown");
        foreach (var st in _analysis.Values) st.Cts?.Cancel();
        return Task.CompletedTask;
    }

    public void Exit()
    {
        _log.Information("exit (after shutdown: {Shutdown})", _shutdown);
        _exit.TrySetResult(_shutdown ? 0 : 1);
    }

    private async Task WatchParentAsync(int pid)
    {
        while (!_exit.Task.IsCompleted)
        {
            if (!IsAlive(pid))
            {
                _log.Warning("The editor process {Pid} is gone; exiting", pid);
                _exit.TrySetResult(1);
                return;
            }
            await Task.WhenAny(Task.Delay(_options.ParentPollInterval), _exit.Task).ConfigureAwait(false);
        }
    }

    internal static bool IsAlive(int pid)
    {
        try
        {
            using var proc = Process.GetProcessById(pid);
            return !proc.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    private async Task RegisterAsync(WorkspaceClientCapabilities caps)
    {
        var regs = new RegistrationParams();
        if (caps.DidChangeWatchedFiles?.DynamicRegistration == true)
        {
            var options = new DidChangeWatchedFilesRegistrationOptions
            {
                Watchers = { new Protocol.FileSystemWatcher { GlobPattern = "**/*.story.md" }, new Protocol.FileSystemWatcher { GlobPattern = "**/.pmprep.yaml" } },
            };
            regs.Registrations.Add(new Registration
            {
                Id = "pmprep-watched-files",
                Method = "workspace/didChangeWatchedFiles",
                RegisterOptions = JsonSerializer.SerializeToElement(options, LspJsonContext.Default.DidChangeWatchedFilesRegistrationOptions),
            });
        }
        if (caps.DidChangeConfiguration?.DynamicRegistration == true)
            regs.Registrations.Add(new Registration { Id = "pmprep-configuration", Method = "workspace/didChangeConfiguration" });
        try
        {
            await Client.RequestAsync(_rpc, "client/registerCapability", regs, LspJsonContext.Default.RegistrationParams).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _log.Warning(ex, "client/registerCapability failed");
        }
    }

    // ================================================================== text synchronisation

    private void DidOpenCore(DidOpenTextDocumentParams p)
    {
        var uri = DocumentStore.Normalize(p.TextDocument.Uri);
        var snap = _store.Open(uri, p.TextDocument.Uri, p.TextDocument.Version, p.TextDocument.Text ?? "");
        if (snap.Text.Length > 2_000_000)
            _log.Information("Large document {Uri}: {Chars} characters", uri, snap.Text.Length);
        Schedule(snap);
    }

    private void DidChangeCore(DidChangeTextDocumentParams p)
    {
        var uri = DocumentStore.Normalize(p.TextDocument.Uri);
        var current = _store.Get(uri);
        if (current is null)
        {
            _log.Warning("didChange for {Uri}, which is not open: ignored", p.TextDocument.Uri);
            return;
        }
        if (p.TextDocument.Version is int v && v <= current.Version)
            _log.Warning("didChange for {Uri}: version {New} after {Old}; applied in arrival order", uri, v, current.Version);
        DocumentSnapshot snap;
        try
        {
            snap = _store.Change(current, p.TextDocument.Version, p.ContentChanges ?? new());
        }
        catch (Exception ex)
        {
            _log.Error(ex, "Could not apply a change to {Uri}", uri);
            return;
        }
        Schedule(snap);
    }

    private void DidCloseCore(DidCloseTextDocumentParams p)
    {
        var uri = DocumentStore.Normalize(p.TextDocument.Uri);
        if (!_store.Close(uri))
        {
            _log.Warning("didClose for {Uri}, which is not open", p.TextDocument.Uri);
            return;
        }
        if (_analysis.Remove(uri, out var st)) st.Cts?.Cancel();
        _tooLarge.Remove(uri);
        _latest.TryRemove(uri, out _);
        SyncBank(uri);
        _published.TryRemove(uri, out _);
        _bankByUri.TryRemove(uri, out _);
        _ = Client.NotifyAsync(_rpc, "textDocument/publishDiagnostics", new PublishDiagnosticsParams { Uri = p.TextDocument.Uri }, LspJsonContext.Default.PublishDiagnosticsParams, _log);
        // The file on disk (unsaved edits are gone) rejoins the bank.
        if (DocumentStore.LocalPath(uri) is { } path && IsStory(path)) _ = IndexFileAsync(uri, path);
        ScheduleBank();
    }

    /// <summary>Starts (or queues behind the running one) an analysis of <paramref name="snap"/>; a newer change cancels it.</summary>
    private void Schedule(DocumentSnapshot snap)
    {
        if (!_analysis.TryGetValue(snap.Uri, out var st)) _analysis[snap.Uri] = st = new DocAnalysisState();
        st.Cts?.Cancel();
        st.Cts?.Dispose();
        st.Cts = new CancellationTokenSource();
        var settings = _settings;
        st.Seq = snap.Seq;
        st.Generation = settings.Generation;
        if (snap.Text.Length > _options.MaxAnalyzedChars)
        {
            st.Pending = Task.FromResult<StoryAnalysis?>(null);
            _latest.TryRemove(snap.Uri, out _);
            SyncBank(snap.Uri);
            if (_tooLarge.Add(snap.Uri))
            {
                _log.Warning("{Uri} has {Chars} characters: not analysed", snap.Uri, snap.Text.Length);
                _ = LogToClientAsync(2, $"PmPrep: {snap.ClientUri} is {snap.Text.Length / 1_000_000.0:0.0} million characters, too long to be a spoken story; it is not analysed (limit {_options.MaxAnalyzedChars:N0}).");
            }
            _ = PublishAsync(snap.ClientUri, snap.Version, new List<LspDiagnostic>(), null);
            return;
        }
        _tooLarge.Remove(snap.Uri);
        var task = AnalyzeAndPublishAsync(st.Chain, snap, settings, st.Cts.Token);
        st.Pending = task;
        st.Chain = task;
    }

    private async Task<StoryAnalysis?> AnalyzeAndPublishAsync(Task previous, DocumentSnapshot snap, SettingsState settings, CancellationToken ct)
    {
        try { await previous.ConfigureAwait(false); } catch { /* its own problem, already logged */ }
        if (ct.IsCancellationRequested) return null;
        StoryAnalysis analysis;
        try
        {
            analysis = await Task.Run(() => PracticeAnalyzer.Analyze(snap.Uri, snap.Text, settings.Settings), ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) { return null; }
        catch (Exception ex)
        {
            _log.Error(ex, "Analysis of {Uri} failed", snap.Uri);
            await LogToClientAsync(1, $"PmPrep could not analyse {snap.ClientUri}: {ex.Message}").ConfigureAwait(false);
            return null;
        }
        if (ct.IsCancellationRequested) return analysis; // a newer edit arrived: do not publish stale results
        _latest[snap.Uri] = analysis;
        SyncBank(snap.Uri);
        var story = Features.Diagnostics(analysis, _docs);
        _published[snap.Uri] = (snap.Seq, story);
        await PublishAsync(snap.ClientUri, snap.Version, story, BankFor(snap.Uri, analysis)).ConfigureAwait(false);
        ScheduleBank();
        return analysis;
    }

    private Task PublishAsync(string clientUri, int version, List<LspDiagnostic> story, List<LspDiagnostic>? bank)
    {
        var all = bank is { Count: > 0 } ? story.Concat(bank).ToList() : story;
        return Client.NotifyAsync(_rpc, "textDocument/publishDiagnostics",
            new PublishDiagnosticsParams { Uri = clientUri, Version = version, Diagnostics = all },
            LspJsonContext.Default.PublishDiagnosticsParams, _log);
    }

    /// <summary>The last bank findings for a story, kept inside its current text.</summary>
    private List<LspDiagnostic>? BankFor(string uri, StoryAnalysis analysis)
    {
        if (!_bankByUri.TryGetValue(uri, out var list) || list.Count == 0) return null;
        var lines = analysis.Document.Lines;
        return list.Select(d =>
        {
            var s = lines.GetPosition(lines.GetOffset(new(d.Range.Start.Line, d.Range.Start.Character), analysis.Document.Text));
            var e = lines.GetPosition(lines.GetOffset(new(d.Range.End.Line, d.Range.End.Character), analysis.Document.Text));
            return new LspDiagnostic { Range = new(new(s.Line, s.Character), new(e.Line, e.Character)), Severity = d.Severity, Code = d.Code, CodeDescription = d.CodeDescription, Source = d.Source, Message = d.Message };
        }).ToList();
    }

    // ================================================================== reads

    /// <summary>The snapshot a read works on, taken in order on the writer.</summary>
    private (DocumentSnapshot? Doc, Task<StoryAnalysis?> Analysis) Read(string rawUri)
    {
        var uri = DocumentStore.Normalize(rawUri);
        var doc = _store.Get(uri);
        if (doc is null) return (null, Task.FromResult<StoryAnalysis?>(null));
        if (doc.Text.Length > _options.MaxAnalyzedChars) return (doc, Task.FromResult<StoryAnalysis?>(null));
        var settings = _settings;
        Task<StoryAnalysis?>? pending = null;
        if (_analysis.TryGetValue(uri, out var st) && st.Seq == doc.Seq && st.Generation == settings.Generation) pending = st.Pending;
        return (doc, AnalysisOf(doc, settings, pending));
    }

    private static async Task<StoryAnalysis?> AnalysisOf(DocumentSnapshot doc, SettingsState settings, Task<StoryAnalysis?>? pending)
    {
        if (pending is not null && await pending.ConfigureAwait(false) is { } a) return a;
        // Superseded before it ran (or the settings changed): analyse this snapshot directly.
        return await Task.Run(() => PracticeAnalyzer.Analyze(doc.Uri, doc.Text, settings.Settings)).ConfigureAwait(false);
    }

    private async Task<(DocumentSnapshot Doc, StoryAnalysis Analysis)?> ReadAsync(string method, string uri, CancellationToken ct)
    {
        var (doc, analysis) = await ReadAnyAsync(method, uri, ct).ConfigureAwait(false);
        return doc is null || analysis is null ? null : (doc, analysis);
    }

    /// <summary>The document and, unless it is too large to analyse, its analysis.</summary>
    private async Task<(DocumentSnapshot? Doc, StoryAnalysis? Analysis)> ReadAnyAsync(string method, string uri, CancellationToken ct)
    {
        var (doc, analysisTask) = Read(uri);   // synchronous part: runs on the writer, in order
        if (doc is null)
        {
            _log.Debug("{Method} for {Uri}, which is not open", method, uri);
            return (null, null);
        }
        if (_options.BeforeRead is { } hook) await hook(method, ct).ConfigureAwait(false);
        var analysis = doc.Text.Length > _options.MaxAnalyzedChars ? null : await analysisTask.WaitAsync(ct).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        return (doc, analysis);
    }

    private async Task<Hover?> HoverAsyncCore(HoverParams p, CancellationToken cancellationToken)
    {
        var r = await ReadAsync("hover", p.TextDocument.Uri, cancellationToken).ConfigureAwait(false);
        if (r is not { } x) return null;
        // Bank findings on this story feed the title hover's bar-raiser questions; read only when asked.
        IEnumerable<BankDiagnostic> BankFindings() =>
            _bank.Current.Diagnostics.Where(d => d.Path is not null && DocumentStore.Normalize(d.Path) == x.Doc.Uri);
        return Features.Hover(x.Analysis, p.Position, _docs, BankFindings);
    }

    /// <summary>The client applies LSP 3.18 snippet edits (vscode-languageclient 10 and later announce it).</summary>
    private bool SnippetEdits => _init?.Capabilities?.Workspace?.WorkspaceEdit is { DocumentChanges: true, SnippetEditSupport: true };

    private async Task<List<CodeAction>> CodeActionAsyncCore(CodeActionParams p, CancellationToken cancellationToken)
    {
        var r = await ReadAsync("codeAction", p.TextDocument.Uri, cancellationToken).ConfigureAwait(false);
        return r is { } x ? Features.CodeActions(x.Analysis, x.Doc.ClientUri, p, _docs, SnippetEdits) : new();
    }

    private async Task<List<DocumentSymbol>> DocumentSymbolAsyncCore(DocumentSymbolParams p, CancellationToken cancellationToken)
    {
        var r = await ReadAsync("documentSymbol", p.TextDocument.Uri, cancellationToken).ConfigureAwait(false);
        return r is { } x ? Features.Symbols(x.Analysis, FileName(x.Doc.Uri)) : new();
    }

    private async Task<List<CodeLens>> CodeLensAsyncCore(CodeLensParams p, CancellationToken cancellationToken)
    {
        var r = await ReadAsync("codeLens", p.TextDocument.Uri, cancellationToken).ConfigureAwait(false);
        return r is { } x ? Features.CodeLenses(x.Analysis) : new();
    }

    private async Task<List<InlayHint>> InlayHintAsyncCore(InlayHintParams p, CancellationToken cancellationToken)
    {
        var r = await ReadAsync("inlayHint", p.TextDocument.Uri, cancellationToken).ConfigureAwait(false);
        return r is { } x ? Features.InlayHints(x.Analysis, p.Range) : new();
    }

    private async Task<CompletionList> CompletionAsyncCore(CompletionParams p, CancellationToken cancellationToken)
    {
        var (doc, analysis) = await ReadAnyAsync("completion", p.TextDocument.Uri, cancellationToken).ConfigureAwait(false);
        return doc is not null ? Features.Completion(doc.Text, doc.Lines, p.Position, analysis) : new CompletionList();
    }

    private static string FileName(string uri) =>
        Path.GetFileName(DocumentStore.LocalPath(uri) ?? uri) is { Length: > 0 } n ? n : uri;

    // ================================================================== workspace

    private static bool IsStory(string path) => path.EndsWith(".story.md", StringComparison.OrdinalIgnoreCase);
    private static bool IsConfig(string path) => Path.GetFileName(path).Equals(".pmprep.yaml", StringComparison.OrdinalIgnoreCase);

    /// <summary>Stories under a root: regular files only, symlinks only when they resolve inside it (<see cref="DirectoryWalk"/>).</summary>
    internal static IEnumerable<string> FindStories(string root) => DirectoryWalk.Find(root, ".story.md");

    private void StartIndexing(List<string> roots)
    {
        var previous = _indexing;
        _indexing = Task.Run(async () =>
        {
            await previous.ConfigureAwait(false);
            var sw = Stopwatch.StartNew();
            int n = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var root in roots)
                foreach (var path in FindStories(root))
                {
                    if (!seen.Add(SafeRead.IdentityKey(path))) continue;   // one file under two names (a link inside the folder) is one story
                    await IndexFileAsync(DocumentStore.FromPath(path), path).ConfigureAwait(false);
                    n++;
                }
            _log.Information("Indexed {Count} stories in {Ms} ms", n, sw.ElapsedMilliseconds);
            ScheduleBank();
        });
    }

    private async Task IndexFileAsync(string uri, string path)
    {
        await Task.Yield();
        try
        {
            if (!File.Exists(path) || !InWorkspace(path)) { _disk.TryRemove(uri, out _); SyncBank(uri); return; }
            // Regular files only (a FIFO never blocks, a device is refused), the limit on bytes read.
            var (text, error) = SafeRead.ReadText(path, LspMessageHandler.MaxBody);
            if (text is null) { _log.Warning("Skipping {Path}: {Reason}", path, error); _disk.TryRemove(uri, out _); SyncBank(uri); return; }
            var settings = _settings;
            var analysis = StoryAnalyzer.Analyze(text, settings.Settings);
            _disk[uri] = new DiskStory(uri, analysis, settings.Generation);
            SyncBank(uri);
        }
        catch (Exception ex)
        {
            // One bad file must not fault the indexing task: every bank request awaits it.
            _log.Warning("Could not index {Path}: {Reason}", path, ex.Message);
        }
    }

    private void DidChangeWatchedFilesCore(DidChangeWatchedFilesParams p)
    {
        bool configChanged = false;
        foreach (var e in p.Changes ?? new())
        {
            var path = DocumentStore.LocalPath(e.Uri);
            if (path is null) continue;
            if (IsConfig(path))
            {
                configChanged |= InWorkspace(path);
                continue;
            }
            if (!IsStory(path)) continue;
            if (!InWorkspace(path)) { _log.Warning("Watched-file event for {Path}, outside the workspace folders: ignored", path); continue; }
            var uri = DocumentStore.Normalize(e.Uri);
            if (e.Type == 3)
            {
                _disk.TryRemove(uri, out _);
                SyncBank(uri);
                ScheduleBank();
            }
            else if (_store.Get(uri) is null)
            {
                _ = IndexFileAsync(uri, path).ContinueWith(_ => ScheduleBank(), TaskScheduler.Default);
            }
        }
        if (configChanged)
        {
            _yamlText = ReadYaml();
            RecomputeSettings(reanalyze: true);
        }
    }

    private void DidChangeConfigurationCore(DidChangeConfigurationParams p)
    {
        if (p.Settings is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("pmprep", out var section))
        {
            _clientSettings = section.Clone();
            RecomputeSettings(reanalyze: true);
        }
        else if (_init?.Capabilities?.Workspace?.Configuration == true)
        {
            _ = PullConfigurationAsync();
        }
    }

    private void DidChangeWorkspaceFoldersCore(DidChangeWorkspaceFoldersParams p)
    {
        foreach (var f in p.Event.Removed)
            if (DocumentStore.LocalPath(f.Uri) is { } path)
            {
                _roots.Remove(path);
                foreach (var key in _disk.Keys.Where(k => DocumentStore.LocalPath(k)?.StartsWith(path, StringComparison.Ordinal) == true).ToList())
                {
                    _disk.TryRemove(key, out _);
                    SyncBank(key);
                }
            }
        var added = p.Event.Added.Select(f => DocumentStore.LocalPath(f.Uri)).OfType<string>().ToList();
        _roots.AddRange(added);
        _rootList = _roots.ToArray();
        StartIndexing(added);
        ScheduleBank();
    }

    private async Task PullConfigurationAsync()
    {
        try
        {
            var result = await Client.RequestAsync(_rpc, "workspace/configuration",
                new ConfigurationParams { Items = { new ConfigurationItem { Section = "pmprep" } } },
                LspJsonContext.Default.ConfigurationParams).ConfigureAwait(false);
            JsonElement? section = result is { ValueKind: JsonValueKind.Array } arr && arr.GetArrayLength() > 0 ? arr[0].Clone() : null;
            _writer.Post(_ =>
            {
                _clientSettings = section;
                RecomputeSettings(reanalyze: true);
            }, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _log.Warning(ex, "workspace/configuration failed");
        }
    }

    private string? ReadYaml()
    {
        foreach (var root in _roots)
        {
            var path = Path.Combine(root, ".pmprep.yaml");
            if (!File.Exists(path)) continue;
            var (text, error) = SafeRead.ReadText(path, PmPrepSettings.MaxConfigBytes);   // a FIFO never blocks, the size is bounded
            if (text is not null) return text;
            _log.Warning("Could not read {Path}: {Reason}", path, error);
            _ = LogToClientAsync(1, $"PmPrep could not read {path}: {error}");
        }
        return null;
    }

    /// <summary>
    /// Whether a path belongs to the bank: inside a workspace folder, also once symlinks are resolved.
    /// With no folders (a single file opened), every story is the bank.
    /// </summary>
    private bool InWorkspace(string path)
    {
        var roots = _rootList;
        return roots.Length == 0 || DirectoryWalk.IsInside(path, roots);
    }

    /// <summary>Client settings (section `pmprep`) first, then `.pmprep.yaml` over them: the project file wins.</summary>
    private void RecomputeSettings(bool reanalyze)
    {
        var problems = new List<string>();
        var s = ClientSettingsParser.Apply(PmPrepSettings.Default, _clientSettings, problems, out var docsBase);
        if (docsBase is not null) _docs = new DocsLinks(docsBase);
        if (_yamlText is not null)
        {
            var (fromYaml, yamlProblems) = PmPrepSettings.FromYaml(_yamlText, s);
            s = fromYaml;
            problems.AddRange(yamlProblems.Select(x => ".pmprep.yaml: " + x));
        }
        if (s == _settings.Settings && _settings.Generation > 0) return;
        _settings = new SettingsState(s, _settings.Generation + 1);
        _bank.Settings = s;   // re-runs only the bank rules on the next read
        foreach (var problem in problems)
        {
            _log.Warning("Settings: {Problem}", problem);
            _ = LogToClientAsync(2, "PmPrep settings: " + problem);
        }
        if (!reanalyze) return;
        foreach (var doc in _store.Documents.Values) Schedule(doc);
        ReanalyzeDisk();
    }

    private void ReanalyzeDisk()
    {
        var settings = _settings;
        var gen = Interlocked.Increment(ref _diskGeneration);
        _ = Task.Run(async () =>
        {
            await _indexing.ConfigureAwait(false);
            foreach (var story in _disk.Values.ToList())
            {
                if (Interlocked.Read(ref _diskGeneration) != gen) return;
                var a = PracticeAnalyzer.Analyze(story.Uri, story.Analysis.Document.Text, settings.Settings);
                if (_disk.TryUpdate(story.Uri, new DiskStory(story.Uri, a, settings.Generation), story)) SyncBank(story.Uri);
            }
            ScheduleBank();
        });
    }

    private Task LogToClientAsync(int type, string message) =>
        Client.NotifyAsync(_rpc, "window/logMessage", new LogMessageParams { Type = type, Message = message }, LspJsonContext.Default.LogMessageParams, _log);

    // ================================================================== bank

    private void ScheduleBank()
    {
        if (Interlocked.Exchange(ref _bankScheduled, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            await Task.Delay(_options.BankDelay).ConfigureAwait(false);
            Interlocked.Exchange(ref _bankScheduled, 0);
            try { await RecomputeBankAsync().ConfigureAwait(false); }
            catch (Exception ex) { _log.Error(ex, "Bank analysis failed"); }
        });
    }

    /// <summary>
    /// Makes the bank's entry for one story match the server's state: the open document's latest
    /// analysis (keyed by the URI as the client spells it) while it is open, the file on disk's
    /// otherwise, none when neither exists. Unchanged analyses are no-ops in the index.
    /// </summary>
    private void SyncBank(string uri)
    {
        lock (_bankGate)
        {
            string? key = null;
            StoryAnalysis? analysis = null;
            if (_store.Get(uri) is { } doc && _latest.TryGetValue(uri, out var latest))
            {
                // An open document outside the workspace folders is analysed on its own, not banked.
                if (DocumentStore.LocalPath(uri) is not { } local || InWorkspace(local)) (key, analysis) = (doc.ClientUri, latest);
            }
            else if (_disk.TryGetValue(uri, out var disk)) (key, analysis) = (uri, disk.Analysis);
            if (_bankKeys.TryGetValue(uri, out var old) && old != key)
            {
                _bank.Remove(old);
                _bankKeys.Remove(uri);
            }
            if (key is null) return;
            _bank.Update(key, analysis!);
            _bankKeys[uri] = key;
        }
    }

    private async Task RecomputeBankAsync()
    {
        var bank = _bank.Current;
        var byUri = bank.Diagnostics.Where(d => d.Path is not null && d.Range is not null)
            .GroupBy(d => DocumentStore.Normalize(d.Path!))
            .ToDictionary(g => g.Key, g => g.Select(d => ToLsp(d, bank)).ToList());
        foreach (var uri in _bankByUri.Keys.Concat(byUri.Keys).Distinct().ToList())
        {
            var now = byUri.TryGetValue(uri, out var l) ? l : new List<LspDiagnostic>();
            var before = _bankByUri.TryGetValue(uri, out var b) ? b : new List<LspDiagnostic>();
            if (now.Count == 0) _bankByUri.TryRemove(uri, out _); else _bankByUri[uri] = now;
            if (Same(now, before)) continue;
            if (_store.Get(uri) is { } doc && _published.TryGetValue(uri, out var pub) && pub.Seq == doc.Seq && _latest.TryGetValue(uri, out var a))
                await PublishAsync(doc.ClientUri, doc.Version, pub.Story, BankFor(uri, a)).ConfigureAwait(false);
        }
    }

    private static bool Same(List<LspDiagnostic> a, List<LspDiagnostic> b) =>
        a.Count == b.Count && a.Zip(b).All(x => x.First.Code == x.Second.Code && x.First.Message == x.Second.Message && x.First.Range == x.Second.Range);

    private LspDiagnostic ToLsp(BankDiagnostic d, BankAnalysis bank) => new()
    {
        Range = d.Range is { } r ? Features.ToLsp(r) : new(new(0, 0), new(0, 0)),
        Severity = (int)d.Severity,
        Code = d.RuleId,
        CodeDescription = _docs.For(d.RuleId) is { } href ? new CodeDescription { Href = href } : null,
        Message = Readable(d.Message, bank),
    };

    /// <summary>
    /// How a story is named to the user: its path relative to the workspace folder that holds it
    /// (prefixed with the folder's name when there are several), else its local path, else the URI.
    /// </summary>
    internal string DisplayPath(string uri)
    {
        var path = DocumentStore.LocalPath(uri);
        if (path is null) return uri;
        var roots = _rootList;
        foreach (var root in roots.OrderByDescending(r => r.Length))
        {
            var rel = Path.GetRelativePath(root, path);
            if (rel == "." || rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel)) continue;
            rel = rel.Replace(Path.DirectorySeparatorChar, '/');
            return roots.Length > 1 ? Path.GetFileName(Path.TrimEndingDirectorySeparator(root)) + "/" + rel : rel;
        }
        return path;
    }

    /// <summary>
    /// A bank message with every story URI it names (role-inconsistency and duplicate-story name
    /// the other file) replaced by its display path. Longest URIs first, so none is cut short.
    /// </summary>
    private string Readable(string message, BankAnalysis bank)
    {
        if (!message.Contains("://", StringComparison.Ordinal)) return message;
        foreach (var story in bank.Stories.OrderByDescending(st => st.Path.Length))
            if (message.Contains(story.Path, StringComparison.Ordinal))
                message = message.Replace(story.Path, DisplayPath(story.Path), StringComparison.Ordinal);
        return message;
    }

    /// <summary>
    /// The bank for a read request: waits (off the writer) for indexing and for the analyses of the
    /// documents open when the request arrived, then takes <see cref="BankIndex.Current"/> once.
    /// The synchronous part runs on the writer, in order behind earlier edits.
    /// </summary>
    private async Task<(BankAnalysis Bank, Dictionary<string, DocumentSnapshot> Open)> BankSnapshotAsync(string method, CancellationToken cancellationToken)
    {
        if (_init is null) throw new LocalRpcException($"pmprep/{method} before initialize") { ErrorCode = -32002 };
        var open = _store.Documents.Values.Select(d => Read(d.ClientUri)).ToList();
        var indexing = _indexing;
        await indexing.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_options.BeforeRead is { } hook) await hook(method, cancellationToken).ConfigureAwait(false);
        var meta = new Dictionary<string, DocumentSnapshot>(StringComparer.Ordinal);
        foreach (var (doc, task) in open)
        {
            // Each open document's analysis is in the bank (SyncBank) before its task completes.
            var a = await task.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (doc is not null && a is not null) meta[doc.ClientUri] = doc;
        }
        cancellationToken.ThrowIfCancellationRequested();
        var bank = await Task.Run(() => _bank.Current, cancellationToken).ConfigureAwait(false);
        return (bank, meta);
    }

    // The last answers, reused while the bank (BankIndex.Current is the same object until a story
    // changes) and what else they show are unchanged: a client repeating a request costs nothing.
    private volatile Tuple<BankAnalysis, string, CoverageResult>? _lastCoverage;
    internal int ReportRenders, CoverageBuilds;   // for tests: how often the cache missed
    private volatile Tuple<BankAnalysis, PmPrepSettings, DocsLinks, string[], ReportResult>? _lastReport;

    public async Task<CoverageResult> CoverageAsync(JsonElement? p = null, CancellationToken cancellationToken = default)
    {
        var (bank, open) = await BankSnapshotAsync("coverage", cancellationToken).ConfigureAwait(false);
        string openKey = string.Join("\n", open.Values.OrderBy(d => d.ClientUri, StringComparer.Ordinal).Select(d => d.ClientUri + " " + d.Version)) + "\n" + string.Join("\n", _rootList);
        if (_lastCoverage is { } last && ReferenceEquals(last.Item1, bank) && last.Item2 == openKey) return last.Item3;
        Interlocked.Increment(ref CoverageBuilds);
        var result = Coverage.Build(bank, open, m => Readable(m, bank));
        _lastCoverage = Tuple.Create(bank, openKey, result);
        return result;
    }

    public async Task<ReportResult> ReportAsync(JsonElement? p = null, CancellationToken cancellationToken = default)
    {
        var (bank, _) = await BankSnapshotAsync("report", cancellationToken).ConfigureAwait(false);
        var settings = _bank.Settings;
        var docs = _docs;
        var roots = _rootList;
        if (_lastReport is { } last && ReferenceEquals(last.Item1, bank) && ReferenceEquals(last.Item2, settings) && ReferenceEquals(last.Item3, docs) && ReferenceEquals(last.Item4, roots))
            return last.Item5;
        Interlocked.Increment(ref ReportRenders);
        var html = ReportRenderer.Render(bank, new ReportOptions { DisplayPath = DisplayPath, Settings = settings });
        var result = new ReportResult { Html = html };
        _lastReport = Tuple.Create(bank, settings, docs, roots, result);
        return result;
    }
}
