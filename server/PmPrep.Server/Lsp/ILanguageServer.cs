using PolyType;
using PmPrep.Server.Lsp.Protocol;
using StreamJsonRpc;

namespace PmPrep.Server.Lsp;

/// <summary>
/// The LSP methods PmPrep answers. Registered through <c>RpcTargetMetadata.FromShape</c> (a
/// source-generated shape, so it works under Native AOT). Every method takes LSP's single params
/// object. Notifications are synchronous: they only put work on the server's ordered queue.
/// </summary>
[JsonRpcContract, GenerateShape(IncludeMethods = MethodShapeFlags.PublicInstance)]
public partial interface ILanguageServer
{
    [JsonRpcMethod("initialize", UseSingleObjectParameterDeserialization = true)]
    Task<InitializeResult> InitializeAsync(InitializeParams p, CancellationToken cancellationToken);

    [JsonRpcMethod("initialized", UseSingleObjectParameterDeserialization = true)]
    void Initialized(InitializedParams? p);

    [JsonRpcMethod("shutdown")]
    Task ShutdownAsync(CancellationToken cancellationToken);

    [JsonRpcMethod("exit")]
    void Exit();

    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    void DidOpen(DidOpenTextDocumentParams p);

    [JsonRpcMethod("textDocument/didChange", UseSingleObjectParameterDeserialization = true)]
    void DidChange(DidChangeTextDocumentParams p);

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    void DidClose(DidCloseTextDocumentParams p);

    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    Task<Hover?> HoverAsync(HoverParams p, CancellationToken cancellationToken);

    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    Task<List<CodeAction>> CodeActionAsync(CodeActionParams p, CancellationToken cancellationToken);

    [JsonRpcMethod("textDocument/documentSymbol", UseSingleObjectParameterDeserialization = true)]
    Task<List<DocumentSymbol>> DocumentSymbolAsync(DocumentSymbolParams p, CancellationToken cancellationToken);

    [JsonRpcMethod("textDocument/codeLens", UseSingleObjectParameterDeserialization = true)]
    Task<List<CodeLens>> CodeLensAsync(CodeLensParams p, CancellationToken cancellationToken);

    [JsonRpcMethod("textDocument/inlayHint", UseSingleObjectParameterDeserialization = true)]
    Task<List<InlayHint>> InlayHintAsync(InlayHintParams p, CancellationToken cancellationToken);

    [JsonRpcMethod("textDocument/completion", UseSingleObjectParameterDeserialization = true)]
    Task<CompletionList> CompletionAsync(CompletionParams p, CancellationToken cancellationToken);

    [JsonRpcMethod("workspace/didChangeWatchedFiles", UseSingleObjectParameterDeserialization = true)]
    void DidChangeWatchedFiles(DidChangeWatchedFilesParams p);

    [JsonRpcMethod("workspace/didChangeConfiguration", UseSingleObjectParameterDeserialization = true)]
    void DidChangeConfiguration(DidChangeConfigurationParams p);

    [JsonRpcMethod("workspace/didChangeWorkspaceFolders", UseSingleObjectParameterDeserialization = true)]
    void DidChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams p);

    [JsonRpcMethod("pmprep/coverage", UseSingleObjectParameterDeserialization = true)]
    Task<CoverageResult> CoverageAsync(CoverageParams? p = null, CancellationToken cancellationToken = default);
}
