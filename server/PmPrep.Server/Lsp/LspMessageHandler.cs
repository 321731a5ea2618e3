using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Serilog;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace PmPrep.Server.Lsp;

/// <summary>
/// LSP's Content-Length framing. Writing is StreamJsonRpc's <see cref="HeaderDelimitedMessageHandler"/>;
/// reading is replaced so that a bad message never ends the session: StreamJsonRpc drops the
/// connection on a parse error, an editor would then lose its language server for good.
/// <list type="bullet">
/// <item>Malformed JSON: answered with a JSON-RPC error (-32700, or -32600 with the request's id when
/// the JSON parses but is not a request), then the next message is read.</item>
/// <item>A Content-Length that lies: a body that does not parse is reported as above; when the
/// stream then does not start with a header, bytes are skipped up to the next "Content-Length:".</item>
/// <item>Missing or absurd Content-Length headers are skipped the same way.</item>
/// </list>
/// </summary>
public sealed class LspMessageHandler : HeaderDelimitedMessageHandler
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLengthName = "Content-Length:"u8.ToArray();
    /// <summary>Larger bodies are refused (skipped) rather than buffered.</summary>
    internal const long MaxBody = 64L * 1024 * 1024;
    private const int MaxHeader = 8 * 1024;

    private readonly ILogger _log;

    public LspMessageHandler(Stream sending, Stream receiving, IJsonRpcMessageFormatter formatter, ILogger log)
        : base(sending, receiving, formatter)
    {
        _log = log;
    }

    /// <summary>Messages that could not be read, for tests and the log.</summary>
    public int BadMessages;

    // Ids of the requests this side sent that still await a response. StreamJsonRpc ends the
    // connection when a response arrives for a request it never sent (RemoteProtocolViolation); a
    // confused client must not be able to do that, so such responses are logged and dropped here.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<RequestId, byte> _outstanding = new();

    /// <summary>The bound on messages owed to the client; the reader waits while it is full (see <see cref="OutgoingBudget"/>).</summary>
    public OutgoingBudget Budget { get; } = new();

    // Requests read and not yet answered, by id (a confused client may reuse an id).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<RequestId, int> _unanswered = new();

    protected override void Write(JsonRpcMessage content, CancellationToken cancellationToken)
    {
        if (content is JsonRpcRequest { IsResponseExpected: true } request) _outstanding[request.RequestId] = 0;
        base.Write(content, cancellationToken);
        RequestId? answered = content switch { JsonRpcResult r => r.RequestId, JsonRpcError e => e.RequestId, _ => null };
        if (answered is { } id && _unanswered.TryGetValue(id, out _))
        {
            if (_unanswered.AddOrUpdate(id, 0, (_, n) => n - 1) <= 0) _unanswered.TryRemove(id, out _);
            Budget.Done();
        }
    }

    /// <summary>True for a response (result or error) whose id matches no request this side sent.</summary>
    private bool IsStrayResponse(JsonRpcMessage message)
    {
        RequestId id;
        if (message is JsonRpcResult result) id = result.RequestId;
        else if (message is JsonRpcError error) id = error.RequestId;
        else return false;
        return !_outstanding.TryRemove(id, out _);
    }

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        var reader = Reader ?? throw new InvalidOperationException("no reader");
        // Backpressure: no new message while the client has not taken what it is owed.
        await Budget.WaitForRoomAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            // 1. Headers: up to "\r\n\r\n".
            long contentLength = -1;
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                var end = IndexOf(buffer, HeaderEnd);
                if (end is null)
                {
                    if (buffer.Length > MaxHeader)
                    {
                        // Not a header at all: resynchronise on the next "Content-Length:".
                        reader.AdvanceTo(Resync(buffer, skipFirst: true));
                        Bad("header too long or missing", null, null);
                        continue;
                    }
                    if (result.IsCompleted)
                    {
                        if (buffer.Length > 0 && !IsWhitespace(buffer)) _log.Warning("LSP stream ended inside a header ({Bytes} bytes)", buffer.Length);
                        reader.AdvanceTo(buffer.End);
                        return null;
                    }
                    reader.AdvanceTo(buffer.Start, buffer.End);
                    continue;
                }

                var headerSeq = buffer.Slice(0, end.Value);
                string header = Encoding.ASCII.GetString(headerSeq.ToArray());
                var afterHeader = buffer.GetPosition(HeaderEnd.Length, end.Value);
                contentLength = ParseContentLength(header, out bool startsWithHeader);
                if (!startsWithHeader || contentLength < 0 || contentLength > MaxBody)
                {
                    // Garbage before a header (the tail of a body whose Content-Length was too short),
                    // or a header without a usable length: skip to the next header.
                    var skipTo = Resync(buffer, skipFirst: !startsWithHeader || contentLength < 0 || contentLength > MaxBody);
                    bool progressed = !buffer.Slice(skipTo).Start.Equals(buffer.Start);
                    if (!progressed) skipTo = afterHeader;
                    reader.AdvanceTo(skipTo);
                    Bad(contentLength > MaxBody ? $"Content-Length {contentLength} is over the limit" : "no valid Content-Length header", null, null);
                    if (contentLength > MaxBody) await SkipAsync(reader, contentLength, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                reader.AdvanceTo(afterHeader);
                break;
            }

            // 2. Body: exactly Content-Length bytes.
            ReadResult body;
            while (true)
            {
                body = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (body.Buffer.Length >= contentLength) break;
                if (body.IsCompleted)
                {
                    _log.Warning("LSP stream ended inside a body: expected {Expected} bytes, got {Got}", contentLength, body.Buffer.Length);
                    reader.AdvanceTo(body.Buffer.End);
                    return null;
                }
                reader.AdvanceTo(body.Buffer.Start, body.Buffer.End);
            }
            // Copied out of the pipe: a JsonDocument parsed from a single-segment buffer may refer to it
            // until the arguments are read at dispatch, after the pipe could reuse it. One copy is cheap.
            var content = new ReadOnlySequence<byte>(body.Buffer.Slice(0, contentLength).ToArray());
            reader.AdvanceTo(body.Buffer.GetPosition(contentLength));
            JsonRpcMessage? message = null;
            Exception? error = null;
            try
            {
                message = Formatter.Deserialize(content);
            }
            catch (Exception ex)
            {
                error = ex;
            }
            if (error is not null)
            {
                // Inspect the bytes before they are released.
                var (isJson, id) = Inspect(content);
                Bad(error.Message, isJson, id);
                await ReplyErrorAsync(isJson ? JsonRpcErrorCode.InvalidRequest : JsonRpcErrorCode.ParseError,
                    isJson ? "Invalid request: " + error.Message : "Parse error: " + error.Message, id, cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (message is not null && IsStrayResponse(message))
            {
                Bad("a response to a request that was never sent", true, (message as IJsonRpcMessageWithId)?.RequestId);
                continue;
            }
            if (message is JsonRpcRequest { IsResponseExpected: true } incoming)
            {
                _unanswered.AddOrUpdate(incoming.RequestId, 1, (_, n) => n + 1);
                Budget.Add();
            }
            return message;
        }
    }

    private void Bad(string why, bool? isJson, RequestId? id)
    {
        Interlocked.Increment(ref BadMessages);
        _log.Warning("Bad LSP message ({Kind}, id {Id}): {Why}", isJson is null ? "framing" : isJson.Value ? "invalid request" : "malformed JSON", id?.ToString() ?? "none", why);
    }

    private async Task ReplyErrorAsync(JsonRpcErrorCode code, string message, RequestId? id, CancellationToken ct)
    {
        try
        {
            await WriteAsync(new JsonRpcError
            {
                RequestId = id ?? RequestId.Null,
                Error = new JsonRpcError.ErrorDetail { Code = code, Message = message },
            }, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _log.Warning(ex, "Could not send the error reply");
        }
    }

    /// <summary>Whether the body is JSON at all, and the request id when it has one.</summary>
    private static (bool IsJson, RequestId? Id) Inspect(ReadOnlySequence<byte> content)
    {
        try
        {
            var reader = new Utf8JsonReader(content);
            using var doc = JsonDocument.ParseValue(ref reader);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var idEl))
            {
                if (idEl.ValueKind == JsonValueKind.Number && idEl.TryGetInt64(out long n)) return (true, new RequestId(n));
                if (idEl.ValueKind == JsonValueKind.String) return (true, new RequestId(idEl.GetString()));
            }
            return (true, null);
        }
        catch (JsonException)
        {
            return (false, null);
        }
    }

    private static long ParseContentLength(string header, out bool startsWithHeader)
    {
        long length = -1;
        startsWithHeader = true;
        var lines = header.Split("\r\n");
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            int colon = line.IndexOf(':');
            if (colon <= 0 || line.AsSpan(0, colon).ContainsAny(" {}\"[],".AsSpan()))
            {
                if (i == 0) startsWithHeader = false;
                continue;
            }
            var name = line[..colon].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(line[(colon + 1)..].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long n))
                length = n;
        }
        return length;
    }

    /// <summary>Position of the next "Content-Length:" (after the start when <paramref name="skipFirst"/>), or near the end.</summary>
    private static SequencePosition Resync(ReadOnlySequence<byte> buffer, bool skipFirst)
    {
        var from = skipFirst && buffer.Length > 0 ? buffer.Slice(1) : buffer;
        var idx = IndexOf(from, ContentLengthName);
        if (idx is not null) return idx.Value;
        // Keep a tail that may hold the start of a header.
        long keep = Math.Min(buffer.Length, ContentLengthName.Length - 1);
        return buffer.GetPosition(buffer.Length - keep);
    }

    private static async Task SkipAsync(PipeReader reader, long count, CancellationToken ct)
    {
        while (count > 0)
        {
            var r = await reader.ReadAsync(ct).ConfigureAwait(false);
            long take = Math.Min(count, r.Buffer.Length);
            reader.AdvanceTo(r.Buffer.GetPosition(take));
            count -= take;
            if (r.IsCompleted && take == 0) return;
        }
    }

    private static bool IsWhitespace(ReadOnlySequence<byte> buffer)
    {
        foreach (var seg in buffer)
            foreach (var b in seg.Span)
                if (b is not ((byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t')) return false;
        return true;
    }

    private static SequencePosition? IndexOf(ReadOnlySequence<byte> buffer, byte[] needle)
    {
        if (buffer.IsSingleSegment)
        {
            int i = buffer.FirstSpan.IndexOf(needle);
            return i < 0 ? null : buffer.GetPosition(i);
        }
        var reader = new SequenceReader<byte>(buffer);
        if (reader.TryReadTo(out ReadOnlySequence<byte> _, needle, advancePastDelimiter: false))
            return reader.Position;
        return null;
    }
}
