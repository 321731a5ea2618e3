using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.VisualStudio.Threading;
using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Catalog;
using PmPrep.Core.Config;
using PmPrep.Core.Report;
using PmPrep.Server.IO;
using PmPrep.Server.Lsp.Protocol;
using PmPrep.Server.Workspace;
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
public sealed partial class LanguageServer : ILanguageServer
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
    private InitializeParams? _init;
    private bool _shutdown;
    private readonly HashSet<string> _tooLarge = new(StringComparer.Ordinal);

    // Shared with background work (immutable values swapped atomically).
    private volatile SettingsState _settings = new(PmPrepSettings.Default, 0, new ConfigResolver(PmPrepSettings.Default, Array.Empty<string>()));
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

    /// <summary>
    /// <see cref="Settings"/>: the bank's (the first workspace folder's); <see cref="Resolver"/>: each
    /// story's, from the nearest `.pmprep.yaml` between it and its workspace folder (as `pmprep check`).
    /// </summary>
    private sealed record SettingsState(PmPrepSettings Settings, long Generation, ConfigResolver Resolver);

    /// <summary>
    /// The settings a story is analysed with: its nearest `.pmprep.yaml` over the client's settings.
    /// A document outside every workspace folder (or not a file) gets the workspace's.
    /// </summary>
    private static PmPrepSettings SettingsFor(SettingsState state, string uriOrPath)
    {
        var path = uriOrPath.Contains("://", StringComparison.Ordinal) ? DocumentStore.LocalPath(uriOrPath) : uriOrPath;
        return path is null || !state.Resolver.InRoots(path) ? state.Settings : state.Resolver.For(path);
    }
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
}
