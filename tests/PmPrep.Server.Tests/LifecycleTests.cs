using System.Diagnostics;
using System.Text;
using System.Text.Json;
using PmPrep.Server.Lsp;
using PmPrep.Server.Lsp.Protocol;
using StreamJsonRpc;

namespace PmPrep.Server.Tests;

public class LifecycleTests
{
    [Fact]
    public async Task Initialize_announces_the_capabilities_it_implements()
    {
        await using var h = new LspHarness();
        var result = await h.InitializeAsync();
        var c = result.Capabilities;
        Assert.Equal(2, c.TextDocumentSync.Change);
        Assert.True(c.TextDocumentSync.OpenClose);
        Assert.True(c.HoverProvider);
        Assert.True(c.DocumentSymbolProvider);
        Assert.True(c.InlayHintProvider);
        Assert.Contains("source.fixAll.pmprep", c.CodeActionProvider.CodeActionKinds);
        Assert.Contains("quickfix", c.CodeActionProvider.CodeActionKinds);
        Assert.Contains(" ", c.CompletionProvider.TriggerCharacters);
        Assert.Equal("pmprep", result.ServerInfo.Name);
    }

    [Fact]
    public async Task Shutdown_then_exit_completes_with_code_0()
    {
        await using var h = new LspHarness();
        await h.InitializeAsync();
        await h.Request<object?>("shutdown", null);
        await h.Notify("exit", null);
        Assert.Equal(0, await h.Server.Completion.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Exit_without_shutdown_completes_with_code_1()
    {
        await using var h = new LspHarness();
        await h.InitializeAsync();
        await h.Notify("exit", null);
        Assert.Equal(1, await h.Server.Completion.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Closing_the_stream_ends_the_server()
    {
        await using var h = new LspHarness();
        await h.InitializeAsync();
        h.Client.Dispose();
        Assert.Equal(1, await h.Server.Completion.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task The_server_exits_when_the_editor_process_dies()
    {
        using var editor = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        await using var h = new LspHarness(new ServerOptions { ParentPollInterval = TimeSpan.FromMilliseconds(50) });
        await h.InitializeAsync(processId: editor.Id);
        await Task.Delay(200);
        Assert.False(h.Server.Completion.IsCompleted);
        editor.Kill();
        editor.WaitForExit();
        Assert.Equal(1, await h.Server.Completion.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Requests_before_initialize_get_server_not_initialized_and_after_shutdown_invalid_request()
    {
        await using var h = new LspHarness();
        var early = await Assert.ThrowsAsync<RemoteInvocationException>(() => h.Request<Hover?>("textDocument/hover", new { textDocument = new { uri = LspHarness.Uri }, position = new { line = 0, character = 0 } }));
        Assert.Equal(-32002, early.ErrorCode);
        await h.Notify("textDocument/didOpen", new { textDocument = new { uri = LspHarness.Uri, languageId = "markdown", version = 1, text = "# T" } });
        await h.InitializeAsync();
        Assert.Null(h.Server.Store.Get(DocumentStore.Normalize(LspHarness.Uri)));   // the early didOpen was dropped
        var again = await Assert.ThrowsAsync<RemoteInvocationException>(() => h.Request<InitializeResult>("initialize", new { capabilities = new { } }));
        Assert.Equal(-32600, again.ErrorCode);
        await h.Request<object?>("shutdown", null);
        var late = await Assert.ThrowsAsync<RemoteInvocationException>(() => h.Request<List<CodeLens>>("textDocument/codeLens", new { textDocument = new { uri = LspHarness.Uri } }));
        Assert.Equal(-32600, late.ErrorCode);
        await h.Notify("exit", null);
        Assert.Equal(0, await h.Server.Completion.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Unknown_method_is_answered_with_method_not_found()
    {
        await using var h = new LspHarness();
        await h.InitializeAsync();
        var ex = await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() => h.Request<object>("pmprep/noSuchThing", new { }));
        Assert.Equal(-32601, (int)ex.ErrorCode);
        // Still serving.
        var d = await h.OpenAsync("# Title\n\nI decided to ship.\n");
        Assert.Equal(1, d.Version);
    }
}

/// <summary>Raw bytes on the wire: what a broken or hostile client can send.</summary>
public class FramingTests
{
    private static byte[] Frame(string json, int? lie = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return Encoding.ASCII.GetBytes($"Content-Length: {lie ?? body.Length}\r\n\r\n").Concat(body).ToArray();
    }

    private static async Task<JsonElement> ReadMessage(Stream s, CancellationToken ct)
    {
        var header = new List<byte>();
        var one = new byte[1];
        while (!(header.Count >= 4 && header[^4] == '\r' && header[^3] == '\n' && header[^2] == '\r' && header[^1] == '\n'))
        {
            if (await s.ReadAsync(one, ct) == 0) throw new EndOfStreamException();
            header.Add(one[0]);
        }
        var text = Encoding.ASCII.GetString(header.ToArray());
        int len = int.Parse(text.Split("\r\n").First(l => l.StartsWith("Content-Length", StringComparison.OrdinalIgnoreCase)).Split(':')[1].Trim());
        var body = new byte[len];
        await s.ReadExactlyAsync(body, ct);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> ReadResponse(Stream s, int id)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var m = await ReadMessage(s, cts.Token);
            if (m.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.Number && i.GetInt32() == id) return m;
        }
    }

    private static async Task<JsonElement> ReadError(Stream s)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var m = await ReadMessage(s, cts.Token);
            if (m.TryGetProperty("error", out _)) return m;
        }
    }

    private const string Init = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"capabilities":{}}}""";
    private static string Hover(int id) => """{"jsonrpc":"2.0","id":ID,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x.story.md"},"position":{"line":0,"character":0}}}""".Replace("ID", id.ToString());

    [Fact]
    public async Task Responses_are_camelCase_LSP()
    {
        await using var h = new LspHarness(raw: true);
        var s = h.RawClientStream;
        await s.WriteAsync(Frame(Init));
        var r = await ReadResponse(s, 1);
        var caps = r.GetProperty("result").GetProperty("capabilities");
        Assert.Equal(2, caps.GetProperty("textDocumentSync").GetProperty("change").GetInt32());
        Assert.Equal("utf-16", caps.GetProperty("positionEncoding").GetString());
    }

    [Fact]
    public async Task Malformed_json_gets_a_parse_error_and_the_server_keeps_serving()
    {
        await using var h = new LspHarness(raw: true);
        var s = h.RawClientStream;
        await s.WriteAsync(Frame("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":"));
        var err = await ReadError(s);
        Assert.Equal(-32700, err.GetProperty("error").GetProperty("code").GetInt32());
        await s.WriteAsync(Frame(Init));
        Assert.True((await ReadResponse(s, 1)).TryGetProperty("result", out _));
        Assert.Equal(1, h.ServerHandler.BadMessages);
    }

    [Fact]
    public async Task Json_that_is_not_a_request_gets_invalid_request_with_its_id()
    {
        await using var h = new LspHarness(raw: true);
        var s = h.RawClientStream;
        await s.WriteAsync(Frame("""{"jsonrpc":"2.0","id":5,"method":42}"""));
        var err = await ReadError(s);
        Assert.Equal(-32600, err.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(5, err.GetProperty("id").GetInt32());
        await s.WriteAsync(Frame(Init));
        Assert.True((await ReadResponse(s, 1)).TryGetProperty("result", out _));
    }

    [Fact]
    public async Task Params_of_the_wrong_shape_get_invalid_params_and_the_session_survives()
    {
        await using var h = new LspHarness(raw: true);
        var s = h.RawClientStream;
        await s.WriteAsync(Frame(Init));
        await ReadResponse(s, 1);
        await s.WriteAsync(Frame("""{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":5}}"""));
        Assert.Equal(-32602, (await ReadResponse(s, 2)).GetProperty("error").GetProperty("code").GetInt32());
        await s.WriteAsync(Frame("""{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":[1,2]}"""));
        Assert.True((await ReadResponse(s, 3)).TryGetProperty("error", out _));
        await s.WriteAsync(Frame("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":7,"text":false}}}"""));
        await s.WriteAsync(Frame("""{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///x.story.md"},"contentChanges":[{"range":{},"text":"x"}]}}"""));
        await s.WriteAsync(Frame("""{"jsonrpc":"2.0","id":4,"method":"pmprep/coverage","params":[]}"""));
        Assert.True((await ReadResponse(s, 4)).TryGetProperty("result", out _));
        await s.WriteAsync(Frame("""{"jsonrpc":"2.0","id":5,"method":"shutdown"}"""));
        Assert.True((await ReadResponse(s, 5)).TryGetProperty("result", out _));
    }

    [Fact]
    public async Task A_content_length_that_is_too_short_is_survived()
    {
        await using var h = new LspHarness(raw: true);
        var s = h.RawClientStream;
        await s.WriteAsync(Frame(Init, lie: 20));       // body cut short: the tail looks like garbage
        await s.WriteAsync(Frame(Hover(2)));
        await s.WriteAsync(Frame(Init.Replace("\"id\":1", "\"id\":3")));
        var r = await ReadResponse(s, 3);
        Assert.True(r.TryGetProperty("result", out _));
        Assert.True(h.ServerHandler.BadMessages >= 1);
    }

    [Fact]
    public async Task A_content_length_that_is_too_long_swallows_the_next_message_but_not_the_session()
    {
        await using var h = new LspHarness(raw: true);
        var s = h.RawClientStream;
        var first = Frame(Init, lie: Encoding.UTF8.GetByteCount(Init) + 30);
        await s.WriteAsync(first);
        await s.WriteAsync(Frame(Hover(2)));              // eaten by the first body
        await s.WriteAsync(Frame(Init.Replace("\"id\":1", "\"id\":3")));
        var r = await ReadResponse(s, 3);
        Assert.True(r.TryGetProperty("result", out _));
    }

    [Fact]
    public async Task Garbage_between_messages_is_skipped()
    {
        await using var h = new LspHarness(raw: true);
        var s = h.RawClientStream;
        await s.WriteAsync(Encoding.ASCII.GetBytes("hello there\r\n\r\nnot a header at all"));
        await s.WriteAsync(Frame(Init));
        Assert.True((await ReadResponse(s, 1)).TryGetProperty("result", out _));
    }
}
