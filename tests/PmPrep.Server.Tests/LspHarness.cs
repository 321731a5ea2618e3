using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Nerdbank.Streams;
using PmPrep.Server.Lsp;
using PmPrep.Server.Lsp.Protocol;
using Serilog;
using StreamJsonRpc;

namespace PmPrep.Server.Tests;

/// <summary>
/// A client and the server over an in-memory duplex stream (Nerdbank.Streams), speaking real
/// Content-Length framed JSON-RPC. The client side uses reflection-based System.Text.Json.
/// </summary>
public sealed class LspHarness : IAsyncDisposable
{
    public static readonly string FixtureDir = Path.Combine(AppContext.BaseDirectory, "Fixtures");
    public static string Fixture(string name) => File.ReadAllText(Path.Combine(FixtureDir, name));

    public JsonRpc Client { get; }
    public JsonRpc ServerRpc { get; }
    public LanguageServer Server { get; }
    public LspMessageHandler ServerHandler { get; }
    public ClientTarget Target { get; } = new();
    public Stream RawClientStream { get; }
    public List<string> Logs => Sink.Lines;
    public ListSink Sink { get; } = new();

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    public LspHarness(ServerOptions? options = null, bool raw = false)
    {
        var (serverStream, clientStream) = FullDuplexStream.CreatePair();
        var log = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(Sink).CreateLogger();
        var (rpc, server, handler) = LanguageServer.Create(serverStream, serverStream, log, options ?? new ServerOptions { BankDelay = TimeSpan.FromMilliseconds(20) });
        ServerRpc = rpc; Server = server; ServerHandler = handler;
        rpc.StartListening();
        RawClientStream = clientStream;
        if (raw)
        {
            Client = null!;
            return;
        }
        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        formatter.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        Client = new JsonRpc(new HeaderDelimitedMessageHandler(clientStream, clientStream, formatter));
        Client.AddLocalRpcTarget(Target, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        Client.StartListening();
    }

    public Task<T> Request<T>(string method, object? args, CancellationToken ct = default) =>
        Client.InvokeWithParameterObjectAsync<T>(method, args, ct);

    public Task Notify(string method, object? args) => Client.NotifyWithParameterObjectAsync(method, args);

    public async Task<InitializeResult> InitializeAsync(string? root = null, object? initOptions = null, object? capabilities = null, int? processId = null)
    {
        var result = await Request<InitializeResult>("initialize", new
        {
            processId,
            rootUri = root is null ? null : DocumentStore.FromPath(root),
            workspaceFolders = root is null ? null : new[] { new { uri = DocumentStore.FromPath(root), name = "ws" } },
            capabilities = capabilities ?? new { },
            initializationOptions = initOptions ?? new { docsBaseUrl = "https://example.test/docs/rules/" },
        });
        await Notify("initialized", new { });
        return result;
    }

    public const string Uri = "file:///tmp/pmprep-tests/story.story.md";

    public async Task<PublishDiagnosticsParams> OpenAsync(string text, string uri = Uri, int version = 1)
    {
        var wait = Target.WaitForDiagnostics(uri, version);
        await Notify("textDocument/didOpen", new { textDocument = new { uri, languageId = "markdown", version, text } });
        return await wait;
    }

    public Task ChangeAsync(int version, params object[] changes) => ChangeAsync(Uri, version, changes);

    public Task ChangeAsync(string uri, int version, params object[] changes) =>
        Notify("textDocument/didChange", new { textDocument = new { uri, version }, contentChanges = changes });

    public static object Edit(int l1, int c1, int l2, int c2, string text) =>
        new { range = new { start = new { line = l1, character = c1 }, end = new { line = l2, character = c2 } }, text };

    public string ServerText(string uri = Uri) => Server.Store.Get(DocumentStore.Normalize(uri))?.Text ?? throw new InvalidOperationException("not open");

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        ServerRpc.Dispose();
        await Task.CompletedTask;
    }

    public sealed class ListSink : Serilog.Core.ILogEventSink
    {
        public readonly List<string> Lines = new();
        public void Emit(Serilog.Events.LogEvent e) { lock (Lines) Lines.Add($"{e.Level}: {e.RenderMessage()}"); }
        public bool Any(string fragment) { lock (Lines) return Lines.Any(l => l.Contains(fragment, StringComparison.OrdinalIgnoreCase)); }
    }
}

/// <summary>What the editor does: receives diagnostics and log messages, answers configuration and registration requests.</summary>
public sealed class ClientTarget
{
    public readonly ConcurrentQueue<PublishDiagnosticsParams> Published = new();
    public readonly ConcurrentQueue<LogMessageParams> LogMessages = new();
    public readonly ConcurrentQueue<RegistrationParams> Registrations = new();
    public int ConfigurationRequests;
    public JsonElement Configuration = JsonDocument.Parse("{}").RootElement;
    private readonly List<(Func<PublishDiagnosticsParams, bool> Match, TaskCompletionSource<PublishDiagnosticsParams> Tcs)> _waiters = new();

    [JsonRpcMethod("textDocument/publishDiagnostics")]
    public void PublishDiagnostics(PublishDiagnosticsParams p)
    {
        Published.Enqueue(p);
        lock (_waiters)
            foreach (var w in _waiters.ToList())
                if (w.Match(p)) { w.Tcs.TrySetResult(p); _waiters.Remove(w); }
    }

    [JsonRpcMethod("window/logMessage")]
    public void LogMessage(LogMessageParams p) => LogMessages.Enqueue(p);

    [JsonRpcMethod("workspace/configuration")]
    public JsonElement[] WorkspaceConfiguration(ConfigurationParams p)
    {
        Interlocked.Increment(ref ConfigurationRequests);
        return p.Items.Select(_ => Configuration).ToArray();
    }

    [JsonRpcMethod("client/registerCapability")]
    public void RegisterCapability(RegistrationParams p) => Registrations.Enqueue(p);

    public Task<PublishDiagnosticsParams> WaitFor(Func<PublishDiagnosticsParams, bool> match, int timeoutMs = 10000)
    {
        var tcs = new TaskCompletionSource<PublishDiagnosticsParams>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            var hit = Published.LastOrDefault(match);
            if (hit is not null) return Task.FromResult(hit);
            _waiters.Add((match, tcs));
        }
        return tcs.Task.WaitAsync(TimeSpan.FromMilliseconds(timeoutMs));
    }

    public Task<PublishDiagnosticsParams> WaitForDiagnostics(string uri, int version) =>
        WaitFor(p => p.Uri == uri && p.Version == version);
}
