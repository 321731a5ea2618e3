using System.Text.Json;
using PmPrep.Server.Lsp.Protocol;
using PolyType;
using StreamJsonRpc;

namespace PmPrep.Server.Lsp;

/// <summary>
/// The LSP methods PmPrep answers. Registered through <c>RpcTargetMetadata.FromShape</c> (a
/// source-generated shape, so it works under Native AOT). Every method takes LSP's single params
/// object, received as a <see cref="JsonElement"/> and read by the server itself, so that params of
/// the wrong shape get a -32602 answer (or a log line, for a notification) instead of StreamJsonRpc
/// dropping the connection. Notifications are synchronous: they run on the server's ordered queue.
/// </summary>
[JsonRpcContract, GenerateShape(IncludeMethods = MethodShapeFlags.PublicInstance)]
public partial interface ILanguageServer
{
    [JsonRpcMethod("initialize", UseSingleObjectParameterDeserialization = true)]
    Task<InitializeResult> InitializeAsync(JsonElement p, CancellationToken cancellationToken);

    [JsonRpcMethod("initialized", UseSingleObjectParameterDeserialization = true)]
    void Initialized(JsonElement? p = null);

    [JsonRpcMethod("shutdown")]
    Task ShutdownAsync(CancellationToken cancellationToken);

    [JsonRpcMethod("exit")]
    void Exit();

    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    void DidOpen(JsonElement p);

    [JsonRpcMethod("textDocument/didChange", UseSingleObjectParameterDeserialization = true)]
    void DidChange(JsonElement p);

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    void DidClose(JsonElement p);

    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    Task<Hover?> HoverAsync(JsonElement p, CancellationToken cancellationToken);

    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    Task<List<CodeAction>> CodeActionAsync(JsonElement p, CancellationToken cancellationToken);

    [JsonRpcMethod("textDocument/documentSymbol", UseSingleObjectParameterDeserialization = true)]
    Task<List<DocumentSymbol>> DocumentSymbolAsync(JsonElement p, CancellationToken cancellationToken);

    [JsonRpcMethod("textDocument/codeLens", UseSingleObjectParameterDeserialization = true)]
    Task<List<CodeLens>> CodeLensAsync(JsonElement p, CancellationToken cancellationToken);

    [JsonRpcMethod("textDocument/inlayHint", UseSingleObjectParameterDeserialization = true)]
    Task<List<InlayHint>> InlayHintAsync(JsonElement p, CancellationToken cancellationToken);

    [JsonRpcMethod("textDocument/completion", UseSingleObjectParameterDeserialization = true)]
    Task<CompletionList> CompletionAsync(JsonElement p, CancellationToken cancellationToken);

    [JsonRpcMethod("workspace/didChangeWatchedFiles", UseSingleObjectParameterDeserialization = true)]
    void DidChangeWatchedFiles(JsonElement p);

    [JsonRpcMethod("workspace/didChangeConfiguration", UseSingleObjectParameterDeserialization = true)]
    void DidChangeConfiguration(JsonElement p);

    [JsonRpcMethod("workspace/didChangeWorkspaceFolders", UseSingleObjectParameterDeserialization = true)]
    void DidChangeWorkspaceFolders(JsonElement p);

    [JsonRpcMethod("pmprep/coverage", UseSingleObjectParameterDeserialization = true)]
    Task<CoverageResult> CoverageAsync(JsonElement? p = null, CancellationToken cancellationToken = default);

    [JsonRpcMethod("pmprep/report", UseSingleObjectParameterDeserialization = true)]
    Task<ReportResult> ReportAsync(JsonElement? p = null, CancellationToken cancellationToken = default);
}
