using System.Text.Json;
using System.Text.Json.Serialization;
using PmPrep.Server.Lsp.Protocol;

namespace PmPrep.Server.Lsp;

/// <summary>
/// Source-generated serialization for every type that crosses the wire (Native AOT needs it).
/// It comes first in the formatter's resolver chain, so it also covers StreamJsonRpc's own
/// <see cref="StreamJsonRpc.RequestId"/>: without it `$/cancelRequest` silently stops working.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(StreamJsonRpc.RequestId))]
// The data of StreamJsonRpc's own error replies (invalid params, a handler that threw): without it
// the reply cannot be written and StreamJsonRpc drops the connection (found by protocol fuzzing).
[JsonSerializable(typeof(StreamJsonRpc.Protocol.CommonErrorData))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(InitializedParams))]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(HoverParams))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(List<CodeAction>))]
[JsonSerializable(typeof(DocumentSymbolParams))]
[JsonSerializable(typeof(List<DocumentSymbol>))]
[JsonSerializable(typeof(CodeLensParams))]
[JsonSerializable(typeof(List<CodeLens>))]
[JsonSerializable(typeof(InlayHintParams))]
[JsonSerializable(typeof(List<InlayHint>))]
[JsonSerializable(typeof(CompletionParams))]
[JsonSerializable(typeof(CompletionList))]
[JsonSerializable(typeof(DidChangeWatchedFilesParams))]
[JsonSerializable(typeof(DidChangeConfigurationParams))]
[JsonSerializable(typeof(DidChangeWorkspaceFoldersParams))]
[JsonSerializable(typeof(ConfigurationParams))]
[JsonSerializable(typeof(List<JsonElement>))]
[JsonSerializable(typeof(JsonElement[]))]
[JsonSerializable(typeof(RegistrationParams))]
[JsonSerializable(typeof(DidChangeWatchedFilesRegistrationOptions))]
[JsonSerializable(typeof(LogMessageParams))]
[JsonSerializable(typeof(CoverageParams))]
[JsonSerializable(typeof(CoverageResult))]
[JsonSerializable(typeof(ReportResult))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
internal sealed partial class LspJsonContext : JsonSerializerContext
{
}
