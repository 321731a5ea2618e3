using System.Text.Json;
using System.Text.Json.Serialization;

namespace PmPrep.Server.Lsp.Protocol;

// The part of LSP 3.17 that PmPrep uses, as plain System.Text.Json types. Property names are
// camelCased by LspJsonContext; nulls are omitted when writing.

public sealed record LspPosition(int Line, int Character);
public sealed record LspRange(LspPosition Start, LspPosition End);
public sealed record Location(string Uri, LspRange Range);

public sealed class TextDocumentIdentifier { public string Uri { get; set; } = ""; }
public sealed class VersionedTextDocumentIdentifier { public string Uri { get; set; } = ""; public int? Version { get; set; } }
public sealed class TextDocumentItem
{
    public string Uri { get; set; } = "";
    public string? LanguageId { get; set; }
    public int Version { get; set; }
    public string Text { get; set; } = "";
}

public class TextDocumentPositionParams
{
    public TextDocumentIdentifier TextDocument { get; set; } = new();
    public LspPosition Position { get; set; } = new(0, 0);
}

// ---- lifecycle

public sealed class InitializeParams
{
    public int? ProcessId { get; set; }
    public string? RootUri { get; set; }
    public string? RootPath { get; set; }
    public ClientInfo? ClientInfo { get; set; }
    public JsonElement? InitializationOptions { get; set; }
    public ClientCapabilities? Capabilities { get; set; }
    public List<WorkspaceFolder>? WorkspaceFolders { get; set; }
    public string? Trace { get; set; }
}
public sealed class ClientInfo { public string Name { get; set; } = ""; public string? Version { get; set; } }
public sealed class WorkspaceFolder { public string Uri { get; set; } = ""; public string Name { get; set; } = ""; }

public sealed class ClientCapabilities
{
    public WorkspaceClientCapabilities? Workspace { get; set; }
    public JsonElement? TextDocument { get; set; }
    public JsonElement? Window { get; set; }
}
public sealed class WorkspaceClientCapabilities
{
    public bool? Configuration { get; set; }
    public bool? WorkspaceFolders { get; set; }
    public DynamicRegistrationCapability? DidChangeWatchedFiles { get; set; }
    public DynamicRegistrationCapability? DidChangeConfiguration { get; set; }
    public WorkspaceEditClientCapabilities? WorkspaceEdit { get; set; }
}
public sealed class WorkspaceEditClientCapabilities
{
    public bool? DocumentChanges { get; set; }
    /// <summary>LSP 3.18: the client takes <see cref="SnippetTextEdit"/>s in <c>documentChanges</c>.</summary>
    public bool? SnippetEditSupport { get; set; }
}
public sealed class DynamicRegistrationCapability { public bool? DynamicRegistration { get; set; } }

public sealed class InitializeResult
{
    public ServerCapabilities Capabilities { get; set; } = new();
    public ServerInfo ServerInfo { get; set; } = new();
}
public sealed class ServerInfo { public string Name { get; set; } = "pmprep"; public string? Version { get; set; } }

public sealed class ServerCapabilities
{
    public string PositionEncoding { get; set; } = "utf-16";
    public TextDocumentSyncOptions TextDocumentSync { get; set; } = new();
    public bool HoverProvider { get; set; } = true;
    public CodeActionOptions CodeActionProvider { get; set; } = new();
    public bool DocumentSymbolProvider { get; set; } = true;
    public CodeLensOptions CodeLensProvider { get; set; } = new();
    public bool InlayHintProvider { get; set; } = true;
    public CompletionOptions CompletionProvider { get; set; } = new();
    public WorkspaceServerCapabilities Workspace { get; set; } = new();
}
public sealed class TextDocumentSyncOptions
{
    public bool OpenClose { get; set; } = true;
    /// <summary>2 = incremental.</summary>
    public int Change { get; set; } = 2;
}
public sealed class CodeActionOptions
{
    public List<string> CodeActionKinds { get; set; } = new() { Protocol.CodeActionKinds.QuickFix, Protocol.CodeActionKinds.FixAll };
    public bool ResolveProvider { get; set; }
}
public static class CodeActionKinds
{
    public const string QuickFix = "quickfix";
    public const string FixAll = "source.fixAll.pmprep";
}
public sealed class CodeLensOptions { public bool ResolveProvider { get; set; } }
public sealed class CompletionOptions
{
    public List<string> TriggerCharacters { get; set; } = new() { " ", "[", ",", "#" };
    public bool ResolveProvider { get; set; }
}
public sealed class WorkspaceServerCapabilities
{
    public WorkspaceFoldersServerCapabilities WorkspaceFolders { get; set; } = new();
}
public sealed class WorkspaceFoldersServerCapabilities { public bool Supported { get; set; } = true; public bool ChangeNotifications { get; set; } }

public sealed class InitializedParams { }

// ---- text synchronisation

public sealed class DidOpenTextDocumentParams { public TextDocumentItem TextDocument { get; set; } = new(); }
public sealed class DidChangeTextDocumentParams
{
    public VersionedTextDocumentIdentifier TextDocument { get; set; } = new();
    public List<TextDocumentContentChangeEvent> ContentChanges { get; set; } = new();
}
public sealed class TextDocumentContentChangeEvent
{
    /// <summary>Null for a whole-document replacement.</summary>
    public LspRange? Range { get; set; }
    public int? RangeLength { get; set; }
    public string Text { get; set; } = "";
}
public sealed class DidCloseTextDocumentParams { public TextDocumentIdentifier TextDocument { get; set; } = new(); }

// ---- diagnostics

public sealed class PublishDiagnosticsParams
{
    public string Uri { get; set; } = "";
    public int? Version { get; set; }
    public List<LspDiagnostic> Diagnostics { get; set; } = new();
}
public sealed class LspDiagnostic
{
    public LspRange Range { get; set; } = new(new(0, 0), new(0, 0));
    public int Severity { get; set; }
    public string? Code { get; set; }
    public CodeDescription? CodeDescription { get; set; }
    public string Source { get; set; } = "pmprep";
    public string Message { get; set; } = "";
    public JsonElement? Data { get; set; }
}
public sealed class CodeDescription { public string Href { get; set; } = ""; }

// ---- hover

public sealed class HoverParams : TextDocumentPositionParams { }
public sealed class Hover
{
    public MarkupContent Contents { get; set; } = new();
    public LspRange? Range { get; set; }
}
public sealed class MarkupContent
{
    public string Kind { get; set; } = "markdown";
    public string Value { get; set; } = "";
}

// ---- code actions

public sealed class CodeActionParams
{
    public TextDocumentIdentifier TextDocument { get; set; } = new();
    public LspRange Range { get; set; } = new(new(0, 0), new(0, 0));
    public CodeActionContext Context { get; set; } = new();
}
public sealed class CodeActionContext
{
    public List<LspDiagnostic> Diagnostics { get; set; } = new();
    public List<string>? Only { get; set; }
}
public sealed class CodeAction
{
    public string Title { get; set; } = "";
    public string? Kind { get; set; }
    public List<LspDiagnostic>? Diagnostics { get; set; }
    public bool? IsPreferred { get; set; }
    public WorkspaceEdit? Edit { get; set; }
}
public sealed class WorkspaceEdit
{
    public Dictionary<string, List<LspTextEdit>>? Changes { get; set; }
    /// <summary>Used instead of <see cref="Changes"/> when an edit is a snippet (LSP 3.18).</summary>
    public List<TextDocumentEdit>? DocumentChanges { get; set; }
}
public sealed class TextDocumentEdit
{
    public OptionalVersionedTextDocumentIdentifier TextDocument { get; set; } = new();
    public List<SnippetTextEdit> Edits { get; set; } = new();
}
public sealed class OptionalVersionedTextDocumentIdentifier
{
    public string Uri { get; set; } = "";
    /// <summary>Null: apply whatever the version (the property must be present).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)] public int? Version { get; set; }
}
/// <summary>
/// A text edit (<see cref="NewText"/>) or, LSP 3.18, a snippet edit (<see cref="Snippet"/>): one
/// type for both, so that one list of edits serializes without polymorphism (Native AOT).
/// </summary>
public sealed class SnippetTextEdit
{
    public LspRange Range { get; set; } = new(new(0, 0), new(0, 0));
    public string? NewText { get; set; }
    public StringValue? Snippet { get; set; }
}
public sealed class StringValue
{
    public string Kind { get; set; } = "snippet";
    public string Value { get; set; } = "";
}
public sealed record LspTextEdit(LspRange Range, string NewText);

// ---- document symbols

public sealed class DocumentSymbolParams { public TextDocumentIdentifier TextDocument { get; set; } = new(); }
public sealed class DocumentSymbol
{
    public string Name { get; set; } = "";
    public string? Detail { get; set; }
    public int Kind { get; set; }
    public LspRange Range { get; set; } = new(new(0, 0), new(0, 0));
    public LspRange SelectionRange { get; set; } = new(new(0, 0), new(0, 0));
    public List<DocumentSymbol>? Children { get; set; }
}
public static class SymbolKinds
{
    public const int File = 1, Module = 2, Namespace = 3, Class = 5, Property = 7, Field = 8, String = 15, Key = 20, Event = 24;
}

// ---- code lens

public sealed class CodeLensParams { public TextDocumentIdentifier TextDocument { get; set; } = new(); }
public sealed class CodeLens
{
    public LspRange Range { get; set; } = new(new(0, 0), new(0, 0));
    public Command? Command { get; set; }
}
public sealed class Command
{
    public string Title { get; set; } = "";
    [JsonPropertyName("command")] public string CommandId { get; set; } = "";
    public List<JsonElement>? Arguments { get; set; }
}

// ---- inlay hints

public sealed class InlayHintParams
{
    public TextDocumentIdentifier TextDocument { get; set; } = new();
    public LspRange Range { get; set; } = new(new(0, 0), new(0, 0));
}
public sealed class InlayHint
{
    public LspPosition Position { get; set; } = new(0, 0);
    public string Label { get; set; } = "";
    public string? Tooltip { get; set; }
    public bool? PaddingLeft { get; set; }
    public bool? PaddingRight { get; set; }
}

// ---- completion

public sealed class CompletionParams : TextDocumentPositionParams { public JsonElement? Context { get; set; } }
public sealed class CompletionList
{
    public bool IsIncomplete { get; set; }
    public List<CompletionItem> Items { get; set; } = new();
}
public sealed class CompletionItem
{
    public string Label { get; set; } = "";
    /// <summary>12 = Value, 14 = Keyword, 17 = File? (LSP CompletionItemKind).</summary>
    public int? Kind { get; set; }
    public string? Detail { get; set; }
    public MarkupContent? Documentation { get; set; }
    public string? SortText { get; set; }
    public string? FilterText { get; set; }
    public LspTextEdit? TextEdit { get; set; }
}

// ---- workspace

public sealed class DidChangeWatchedFilesParams { public List<FileEvent> Changes { get; set; } = new(); }
public sealed class FileEvent
{
    public string Uri { get; set; } = "";
    /// <summary>1 created, 2 changed, 3 deleted.</summary>
    public int Type { get; set; }
}
public sealed class DidChangeConfigurationParams { public JsonElement? Settings { get; set; } }
public sealed class ConfigurationParams { public List<ConfigurationItem> Items { get; set; } = new(); }
public sealed class ConfigurationItem { public string? ScopeUri { get; set; } public string? Section { get; set; } }
public sealed class RegistrationParams { public List<Registration> Registrations { get; set; } = new(); }
public sealed class Registration
{
    public string Id { get; set; } = "";
    public string Method { get; set; } = "";
    public JsonElement? RegisterOptions { get; set; }
}
public sealed class DidChangeWatchedFilesRegistrationOptions { public List<FileSystemWatcher> Watchers { get; set; } = new(); }
public sealed class FileSystemWatcher { public string GlobPattern { get; set; } = ""; public int? Kind { get; set; } }
public sealed class LogMessageParams
{
    /// <summary>1 error, 2 warning, 3 info, 4 log.</summary>
    public int Type { get; set; }
    public string Message { get; set; } = "";
}
public sealed class DidChangeWorkspaceFoldersParams { public WorkspaceFoldersChangeEvent Event { get; set; } = new(); }
public sealed class WorkspaceFoldersChangeEvent
{
    public List<WorkspaceFolder> Added { get; set; } = new();
    public List<WorkspaceFolder> Removed { get; set; } = new();
}

// ---- pmprep/coverage (documented in docs/protocol.md)

public sealed class CoverageParams { public bool? IncludeSignals { get; set; } }
public sealed class CoverageResult
{
    public int Version { get; set; } = 1;
    public List<CoverageStory> Stories { get; set; } = new();
    public List<CoveragePrinciple> Principles { get; set; } = new();
    public List<CoverageDiagnostic> Diagnostics { get; set; } = new();
}
public sealed class CoverageStory
{
    public string Uri { get; set; } = "";
    public string? Title { get; set; }
    public int Words { get; set; }
    public double Minutes { get; set; }
    public bool Open { get; set; }
    public int? Version { get; set; }
    public List<string> Claimed { get; set; } = new();
}
public sealed class CoveragePrinciple
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
    public bool Gap { get; set; }
    public List<CoverageCellDto> Cells { get; set; } = new();
}
public sealed class CoverageCellDto
{
    public string Uri { get; set; } = "";
    public int Signals { get; set; }
    public bool Claimed { get; set; }
    public CoverageEvidence? Strongest { get; set; }
}
public sealed class CoverageEvidence
{
    public string Text { get; set; } = "";
    public string Reason { get; set; } = "";
    public LspRange Range { get; set; } = new(new(0, 0), new(0, 0));
}
public sealed class CoverageDiagnostic
{
    public string Rule { get; set; } = "";
    /// <summary>LSP numbers: 1 error, 2 warning, 3 information, 4 hint.</summary>
    public int Severity { get; set; }
    public string Message { get; set; } = "";
    public string? Uri { get; set; }
    public LspRange? Range { get; set; }
}

/// <summary>The `pmprep/report` answer: the story-bank report as one self-contained HTML page.</summary>
public sealed class ReportResult
{
    public string Html { get; set; } = "";
}

// ---- settings from workspace/configuration, section "pmprep"

public sealed class ClientSettings
{
    public double? WordsPerMinute { get; set; }
    public double? MinMinutes { get; set; }
    public double? MaxMinutes { get; set; }
    public double? LimitMinutes { get; set; }
    public Dictionary<string, string>? Rules { get; set; }
    public string? DocsBaseUrl { get; set; }
}
