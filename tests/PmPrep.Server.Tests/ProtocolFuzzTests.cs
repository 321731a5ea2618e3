using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace PmPrep.Server.Tests;

/// <summary>
/// Protocol fuzzing (issue 7): a hostile or broken client sends random and truncated JSON-RPC
/// frames, wrong Content-Length headers, unknown methods, parameters of the wrong shape,
/// out-of-order versions and edits past the end of the document. After every bad frame the
/// server must still answer the next valid request. Each seed is a fixed, reproducible sequence;
/// a failure names the seed and the frames that preceded it.
/// </summary>
public class ProtocolFuzzTests
{
    private readonly ITestOutputHelper _out;
    public ProtocolFuzzTests(ITestOutputHelper output) => _out = output;

    private const string Uri = "file:///tmp/pmprep-fuzz/a.story.md";
    private const string Story = "---\ntitle: Fuzz\nlps: [Ownership]\n---\n# Fuzz\n\n## Decision\n\nWe decided to ship. I think it was launched.\n";

    private static byte[] Frame(string json, int? lie = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return Encoding.ASCII.GetBytes($"Content-Length: {lie ?? body.Length}\r\n\r\n").Concat(body).ToArray();
    }

    private static string Req(int id, string method, string pars) => $$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{pars}}}""";
    private static string Note(string method, string pars) => $$"""{"jsonrpc":"2.0","method":"{{method}}","params":{{pars}}}""";
    private static string Pos(int l, int c) => $$"""{"line":{{l}},"character":{{c}}}""";
    private static string Change(int version, int l1, int c1, int l2, int c2, string text) =>
        Note("textDocument/didChange", $$"""{"textDocument":{"uri":"{{Uri}}","version":{{version}}},"contentChanges":[{"range":{"start":{{Pos(l1, c1)}},"end":{{Pos(l2, c2)}}},"text":{{JsonSerializer.Serialize(text)}}}]}""");

    /// <summary>One bad (or merely odd) frame, as bytes, with a label for the failure report.</summary>
    private const int JunkKinds = 22;

    private static (string Label, byte[] Bytes) Junk(Random r, ref int version, int? kind = null)
    {
        string valid = Req(900_000 + r.Next(1000), "textDocument/hover", $$"""{"textDocument":{"uri":"{{Uri}}"},"position":{{Pos(r.Next(-3, 40), r.Next(-3, 200))}}}""");
        switch (kind ?? r.Next(JunkKinds))
        {
            case 0: return ("truncated json", Frame(valid[..r.Next(1, valid.Length)]));
            case 1: return ("content-length too short", Frame(valid, lie: r.Next(0, Encoding.UTF8.GetByteCount(valid))));
            case 2: return ("content-length too long", Frame(valid, lie: Encoding.UTF8.GetByteCount(valid) + r.Next(1, 64)));
            case 3: return ("random bytes", Enumerable.Range(0, r.Next(1, 300)).Select(_ => (byte)r.Next(256)).ToArray());
            case 4: return ("random bytes in a frame", Frame(Encoding.Latin1.GetString(Enumerable.Range(0, r.Next(1, 300)).Select(_ => (byte)r.Next(256)).ToArray())));
            case 5: return ("unknown request", Frame(Req(r.Next(1, 1000), "pmprep/nothing" + r.Next(100), "{}")));
            case 6: return ("unknown notification", Frame(Note("$/weird" + r.Next(100), "[1,2,3]")));
            case 7: return ("wrong param types", Frame(Req(r.Next(1, 1000), "textDocument/hover", """{"textDocument":42,"position":"x"}""")));
            case 8: return ("null params", Frame(Req(r.Next(1, 1000), "textDocument/codeAction", "null")));
            case 9: return ("array params", Frame(Note("textDocument/didChange", "[]")));
            case 10: return ("change past the end", Frame(Change(++version, r.Next(10, 10_000), r.Next(0, 10_000), r.Next(10_000, 20_000), r.Next(0, 99_999), "past the end ")));
            case 11: return ("negative positions", Frame(Change(++version, -r.Next(1, 9), -r.Next(1, 9), -1, -1, "x")));
            case 12: return ("reversed range", Frame(Change(++version, 9, 5, 2, 1, "reversed")));
            case 13: return ("old version", Frame(Change(r.Next(-5, 2), 0, 0, 0, 0, "old ")));
            case 14: return ("huge version", Frame(Change(int.MaxValue - r.Next(3), 1, 0, 1, 0, "max ")));
            case 15: return ("change to a closed document", Frame(Note("textDocument/didChange", """{"textDocument":{"uri":"file:///nowhere.story.md","version":3},"contentChanges":[{"text":"x"}]}""")));
            case 16: return ("lone surrogate escape", Frame(Change(++version, 0, 0, 0, 0, "\ud800 \udfff ")));
            case 17: return ("not an object", Frame(r.Next(3) switch { 0 => "42", 1 => "\"hello\"", _ => "[{\"jsonrpc\":\"2.0\"}]" }));
            case 18: return ("no header", Encoding.UTF8.GetBytes(valid));
            case 19: return ("bad header", Encoding.ASCII.GetBytes($"Content-Length: {(r.Next(2) == 0 ? "-5" : "abc")}\r\n\r\n{{}}"));
            case 20: return ("response from nowhere", Frame($$$"""{"jsonrpc":"2.0","id":{{{r.Next(1, 99)}}},"result":{"x":1}}"""));
            default: return ("cancel unknown", Frame(Note("$/cancelRequest", $$"""{"id":{{r.Next(1, 9999)}}}""")));
        }
    }

    /// <summary>Sends valid requests until one is answered (a too-long Content-Length eats bytes that follow it).</summary>
    private static async Task<bool> StillServes(Stream s, Reader reader, int id)
    {
        for (int attempt = 0; attempt < 40; attempt++, id++)
        {
            await s.WriteAsync(Frame(Req(id, "textDocument/documentSymbol", $$$"""{"textDocument":{"uri":"{{{Uri}}}"}}""")));
            await s.FlushAsync();
            if (await reader.WaitForId(id, TimeSpan.FromMilliseconds(attempt < 2 ? 3000 : 300))) return true;
        }
        return false;
    }

    public static IEnumerable<object[]> Kinds() => Enumerable.Range(0, JunkKinds).Select(k => new object[] { k });

    /// <summary>Each kind of bad frame on its own, in a fresh session, so a failure names its cause.</summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_kind_of_bad_frame_alone_is_survived(int kind)
    {
        var r = new Random(kind);
        await using var h = new LspHarness(raw: true);
        var s = h.RawClientStream;
        var reader = new Reader(s);
        await s.WriteAsync(Frame(Req(1, "initialize", """{"processId":null,"capabilities":{}}""")));
        Assert.True(await reader.WaitForId(1, TimeSpan.FromSeconds(10)), "initialize was not answered");
        await s.WriteAsync(Frame(Note("textDocument/didOpen", $$$"""{"textDocument":{"uri":"{{{Uri}}}","languageId":"markdown","version":1,"text":{{{JsonSerializer.Serialize(Story)}}}}}""")));
        int version = 1;
        var (label, bytes) = Junk(r, ref version, kind);
        await s.WriteAsync(bytes);
        if (!await StillServes(s, reader, 10))
        {
            string logs;
            lock (h.Logs) logs = string.Join("\n", h.Logs.TakeLast(6));
            Assert.Fail($"no answer after '{label}'\nserver log:\n{logs}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Bad_frames_never_stop_the_server(int seed)
    {
        var r = new Random(seed);
        await using var h = new LspHarness(raw: true);
        var s = h.RawClientStream;
        var reader = new Reader(s);
        await s.WriteAsync(Frame(Req(1, "initialize", """{"processId":null,"capabilities":{}}""")));
        Assert.True(await reader.WaitForId(1, TimeSpan.FromSeconds(10)), "initialize was not answered");
        await s.WriteAsync(Frame(Note("textDocument/didOpen", $$$"""{"textDocument":{"uri":"{{{Uri}}}","languageId":"markdown","version":1,"text":{{{JsonSerializer.Serialize(Story)}}}}}""")));
        int version = 1, id = 10, frames = 0;
        var history = new List<string>();
        for (int round = 0; round < 40; round++)
        {
            int burst = 1 + r.Next(4);
            for (int k = 0; k < burst; k++)
            {
                var (label, bytes) = Junk(r, ref version);
                history.Add(label);
                frames++;
                await s.WriteAsync(bytes);
            }
            bool ok = await StillServes(s, reader, id);
            id += 100;
            if (!ok)
            {
                string logs;
                lock (h.Logs) logs = string.Join("\n", h.Logs.TakeLast(15));
                Assert.Fail($"seed {seed}: no answer after: {string.Join(", ", history.TakeLast(8))}\nserver log:\n{logs}");
            }
        }
        // The document is still there and still analysed after all that.
        await s.WriteAsync(Frame(Note("textDocument/didChange", $$"""{"textDocument":{"uri":"{{Uri}}","version":{{int.MaxValue}}},"contentChanges":[{"text":{{JsonSerializer.Serialize(Story)}}}]}""")));
        Assert.True(await reader.WaitFor(m => m.TryGetProperty("method", out var me) && me.GetString() == "textDocument/publishDiagnostics"
            && m.GetProperty("params").TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.GetInt32() == int.MaxValue, TimeSpan.FromSeconds(10)),
            $"seed {seed}: no diagnostics for the final full-text change");
        _out.WriteLine($"seed {seed}: {frames} bad frames, {h.ServerHandler.BadMessages} counted as bad messages, {reader.Errors} error responses");
    }

    /// <summary>Reads every message the server writes, keeping ids answered and the messages themselves.</summary>
    private sealed class Reader
    {
        private readonly List<JsonElement> _messages = new();
        private readonly SemaphoreSlim _arrived = new(0);
        public int Errors;

        public Reader(Stream s) => _ = Task.Run(() => Loop(s));

        private async Task Loop(Stream s)
        {
            var one = new byte[1];
            try
            {
                while (true)
                {
                    var header = new List<byte>();
                    while (!(header.Count >= 4 && header[^4] == '\r' && header[^3] == '\n' && header[^2] == '\r' && header[^1] == '\n'))
                    {
                        if (await s.ReadAsync(one) == 0) return;
                        header.Add(one[0]);
                    }
                    var text = Encoding.ASCII.GetString(header.ToArray());
                    int len = int.Parse(text.Split("\r\n").First(l => l.StartsWith("Content-Length", StringComparison.OrdinalIgnoreCase)).Split(':')[1].Trim());
                    var body = new byte[len];
                    await s.ReadExactlyAsync(body);
                    var m = JsonDocument.Parse(body).RootElement.Clone();
                    if (m.TryGetProperty("error", out _)) Interlocked.Increment(ref Errors);
                    lock (_messages) _messages.Add(m);
                    _arrived.Release();
                }
            }
            catch (Exception) { /* stream closed */ }
        }

        public Task<bool> WaitForId(int id, TimeSpan timeout) =>
            WaitFor(m => m.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.Number && i.GetInt32() == id
                && (m.TryGetProperty("result", out _) || m.TryGetProperty("error", out _)), timeout);

        public async Task<bool> WaitFor(Func<JsonElement, bool> match, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                lock (_messages)
                {
                    if (_messages.Any(match)) return true;
                    if (_messages.Count > 2000) _messages.RemoveRange(0, 1000);
                }
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) return false;
                await _arrived.WaitAsync(left);
            }
        }
    }
}
