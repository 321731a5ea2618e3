using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Serilog;
using StreamJsonRpc;

namespace PmPrep.Server.Lsp;

/// <summary>
/// Messages from the server to the client. LSP wants `params` as one object; StreamJsonRpc's
/// parameter-object overloads read the object's members by reflection, which Native AOT does not
/// allow. So the object is serialized with the source-generated context and its top-level
/// members are sent as named arguments of type <see cref="JsonElement"/>.
/// </summary>
internal static class Client
{
    private static readonly Dictionary<string, Type> NoTypes = new();

    internal static (Dictionary<string, object?> Args, Dictionary<string, Type> Types) Named<T>(T value, JsonTypeInfo<T> info)
    {
        var element = JsonSerializer.SerializeToElement(value, info);
        var args = new Dictionary<string, object?>(StringComparer.Ordinal);
        var types = new Dictionary<string, Type>(StringComparer.Ordinal);
        if (element.ValueKind == JsonValueKind.Object)
            foreach (var prop in element.EnumerateObject())
            {
                args[prop.Name] = prop.Value;
                types[prop.Name] = typeof(JsonElement);
            }
        return (args, types);
    }

    public static async Task NotifyAsync<T>(JsonRpc rpc, string method, T value, JsonTypeInfo<T> info, ILogger log)
    {
        var budget = OutgoingBudget.Of(rpc);   // owed to the client until written: counts toward backpressure
        budget?.Add();
        try
        {
            var (args, types) = Named(value, info);
            await rpc.NotifyWithParameterObjectAsync(method, args, types).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectionLostException or ObjectDisposedException or OperationCanceledException)
        {
            log.Debug("{Method} not sent: {Reason}", method, ex.Message);
        }
        catch (Exception ex)
        {
            log.Error(ex, "{Method} could not be sent", method);
        }
        finally
        {
            budget?.Done();
        }
    }

    public static Task<JsonElement> RequestAsync<T>(JsonRpc rpc, string method, T value, JsonTypeInfo<T> info, CancellationToken ct = default)
    {
        var (args, types) = Named(value, info);
        return rpc.InvokeWithParameterObjectAsync<JsonElement>(method, args, types, ct);
    }
}
