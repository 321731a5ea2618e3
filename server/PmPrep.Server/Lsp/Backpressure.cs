using System.Runtime.CompilerServices;
using StreamJsonRpc;

namespace PmPrep.Server.Lsp;

/// <summary>
/// The server's bound on outgoing work (docs/protocol.md, "Backpressure"). Every message the server
/// owes the client counts from the moment it exists until it is in the output pipe: each request
/// read counts until its response is written, each notification (publishDiagnostics, logMessage)
/// until it is written. While <see cref="Limit"/> or more are pending, the message reader stops
/// reading: a client that does not read stdout fills the output pipe, the server's writes wait,
/// the count stays at the limit, and the server stops taking requests (the client's own writes
/// then block in its pipe). Memory is bounded by the limit times the largest answer, not by how
/// long the client keeps sending.
/// </summary>
public sealed class OutgoingBudget
{
    /// <summary>Messages owed to the client before the reader pauses.</summary>
    public const int DefaultLimit = 64;

    private static readonly ConditionalWeakTable<JsonRpc, OutgoingBudget> ByConnection = new();

    private readonly object _gate = new();
    private int _pending;
    private TaskCompletionSource? _room;

    public OutgoingBudget(int limit = DefaultLimit) => Limit = limit;

    public int Limit { get; }

    /// <summary>Messages owed now (for tests and the log).</summary>
    public int Pending { get { lock (_gate) return _pending; } }

    /// <summary>Times the reader had to wait for the client (for tests and the log).</summary>
    public int Pauses;

    public void Add()
    {
        lock (_gate) _pending++;
    }

    public void Done()
    {
        TaskCompletionSource? wake = null;
        lock (_gate)
        {
            if (_pending > 0) _pending--;
            if (_pending < Limit && _room is not null) (wake, _room) = (_room, null);
        }
        wake?.TrySetResult();
    }

    /// <summary>Completes when fewer than <see cref="Limit"/> messages are owed.</summary>
    public Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_pending < Limit) return Task.CompletedTask;
            Interlocked.Increment(ref Pauses);
            _room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _room.Task.WaitAsync(cancellationToken);
        }
    }

    internal static void Register(JsonRpc rpc, OutgoingBudget budget) => ByConnection.AddOrUpdate(rpc, budget);

    internal static OutgoingBudget? Of(JsonRpc rpc) => ByConnection.TryGetValue(rpc, out var b) ? b : null;
}
