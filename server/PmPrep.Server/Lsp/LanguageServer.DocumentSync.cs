using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.VisualStudio.Threading;
using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Catalog;
using PmPrep.Core.Config;
using PmPrep.Core.Practice;
using PmPrep.Core.Report;
using PmPrep.Server.IO;
using PmPrep.Server.Lsp.Protocol;
using PmPrep.Server.Workspace;
using Serilog;
using StreamJsonRpc;

namespace PmPrep.Server.Lsp;

// Document sync (open, change, close, analysis scheduling, publishing) and the read requests that work on one document.
public sealed partial class LanguageServer
{
    // ================================================================== text synchronisation

    private void DidOpenCore(DidOpenTextDocumentParams p)
    {
        var uri = DocumentStore.Normalize(p.TextDocument.Uri);
        var snap = _store.Open(uri, p.TextDocument.Uri, p.TextDocument.Version, p.TextDocument.Text ?? "");
        if (snap.Text.Length > 2_000_000)
            _log.Information("Large document {Uri}: {Chars} characters", uri, snap.Text.Length);
        Schedule(snap);
    }

    private void DidChangeCore(DidChangeTextDocumentParams p)
    {
        var uri = DocumentStore.Normalize(p.TextDocument.Uri);
        var current = _store.Get(uri);
        if (current is null)
        {
            _log.Warning("didChange for {Uri}, which is not open: ignored", p.TextDocument.Uri);
            return;
        }
        if (p.TextDocument.Version is int v && v <= current.Version)
            _log.Warning("didChange for {Uri}: version {New} after {Old}; applied in arrival order", uri, v, current.Version);
        DocumentSnapshot snap;
        try
        {
            snap = _store.Change(current, p.TextDocument.Version, p.ContentChanges ?? new());
        }
        catch (Exception ex)
        {
            _log.Error(ex, "Could not apply a change to {Uri}", uri);
            return;
        }
        Schedule(snap);
    }

    private void DidCloseCore(DidCloseTextDocumentParams p)
    {
        var uri = DocumentStore.Normalize(p.TextDocument.Uri);
        if (!_store.Close(uri))
        {
            _log.Warning("didClose for {Uri}, which is not open", p.TextDocument.Uri);
            return;
        }
        if (_analysis.Remove(uri, out var st)) st.Cts?.Cancel();
        _tooLarge.Remove(uri);
        _latest.TryRemove(uri, out _);
        SyncBank(uri);
        _published.TryRemove(uri, out _);
        _bankByUri.TryRemove(uri, out _);
        _ = Client.NotifyAsync(_rpc, "textDocument/publishDiagnostics", new PublishDiagnosticsParams { Uri = p.TextDocument.Uri }, LspJsonContext.Default.PublishDiagnosticsParams, _log);
        // The file on disk (unsaved edits are gone) rejoins the bank.
        if (DocumentStore.LocalPath(uri) is { } path && StoryFiles.IsStory(path)) _ = IndexFileAsync(uri, path);
        ScheduleBank();
    }

    /// <summary>Starts (or queues behind the running one) an analysis of <paramref name="snap"/>; a newer change cancels it.</summary>
    private void Schedule(DocumentSnapshot snap)
    {
        if (!_analysis.TryGetValue(snap.Uri, out var st)) _analysis[snap.Uri] = st = new DocAnalysisState();
        st.Cts?.Cancel();
        st.Cts?.Dispose();
        st.Cts = new CancellationTokenSource();
        var settings = _settings;
        st.Seq = snap.Seq;
        st.Generation = settings.Generation;
        if (snap.Text.Length > _options.MaxAnalyzedChars)
        {
            st.Pending = Task.FromResult<StoryAnalysis?>(null);
            _latest.TryRemove(snap.Uri, out _);
            SyncBank(snap.Uri);
            if (_tooLarge.Add(snap.Uri))
            {
                _log.Warning("{Uri} has {Chars} characters: not analysed", snap.Uri, snap.Text.Length);
                _ = LogToClientAsync(2, $"PmPrep: {snap.ClientUri} is {snap.Text.Length / 1_000_000.0:0.0} million characters, too long to be a spoken story; it is not analysed (limit {_options.MaxAnalyzedChars:N0}).");
            }
            _ = PublishAsync(snap.ClientUri, snap.Version, new List<LspDiagnostic>(), null);
            return;
        }
        _tooLarge.Remove(snap.Uri);
        var task = AnalyzeAndPublishAsync(st.Chain, snap, settings, st.Cts.Token);
        st.Pending = task;
        st.Chain = task;
    }

    private async Task<StoryAnalysis?> AnalyzeAndPublishAsync(Task previous, DocumentSnapshot snap, SettingsState settings, CancellationToken ct)
    {
        try { await previous.ConfigureAwait(false); } catch { /* its own problem, already logged */ }
        if (ct.IsCancellationRequested) return null;
        StoryAnalysis analysis;
        try
        {
            analysis = await Task.Run(() => PracticeAnalyzer.Analyze(snap.Uri, snap.Text, SettingsFor(settings, snap.Uri)), ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) { return null; }
        catch (Exception ex)
        {
            _log.Error(ex, "Analysis of {Uri} failed", snap.Uri);
            await LogToClientAsync(1, $"PmPrep could not analyse {snap.ClientUri}: {ex.Message}").ConfigureAwait(false);
            return null;
        }
        if (ct.IsCancellationRequested) return analysis; // a newer edit arrived: do not publish stale results
        _latest[snap.Uri] = analysis;
        SyncBank(snap.Uri);
        var story = Features.Diagnostics(analysis, _docs);
        _published[snap.Uri] = (snap.Seq, story);
        await PublishAsync(snap.ClientUri, snap.Version, story, BankFor(snap.Uri, analysis)).ConfigureAwait(false);
        ScheduleBank();
        return analysis;
    }

    private Task PublishAsync(string clientUri, int version, List<LspDiagnostic> story, List<LspDiagnostic>? bank)
    {
        var all = bank is { Count: > 0 } ? story.Concat(bank).ToList() : story;
        return Client.NotifyAsync(_rpc, "textDocument/publishDiagnostics",
            new PublishDiagnosticsParams { Uri = clientUri, Version = version, Diagnostics = all },
            LspJsonContext.Default.PublishDiagnosticsParams, _log);
    }

    /// <summary>The last bank findings for a story, kept inside its current text.</summary>
    private List<LspDiagnostic>? BankFor(string uri, StoryAnalysis analysis)
    {
        if (!_bankByUri.TryGetValue(uri, out var list) || list.Count == 0) return null;
        var lines = analysis.Document.Lines;
        return list.Select(d =>
        {
            var s = lines.GetPosition(lines.GetOffset(new(d.Range.Start.Line, d.Range.Start.Character), analysis.Document.Text));
            var e = lines.GetPosition(lines.GetOffset(new(d.Range.End.Line, d.Range.End.Character), analysis.Document.Text));
            return new LspDiagnostic { Range = new(new(s.Line, s.Character), new(e.Line, e.Character)), Severity = d.Severity, Code = d.Code, CodeDescription = d.CodeDescription, Source = d.Source, Message = d.Message };
        }).ToList();
    }

    // ================================================================== reads

    /// <summary>The snapshot a read works on, taken in order on the writer.</summary>
    private (DocumentSnapshot? Doc, Task<StoryAnalysis?> Analysis) Read(string rawUri)
    {
        var uri = DocumentStore.Normalize(rawUri);
        var doc = _store.Get(uri);
        if (doc is null) return (null, Task.FromResult<StoryAnalysis?>(null));
        if (doc.Text.Length > _options.MaxAnalyzedChars) return (doc, Task.FromResult<StoryAnalysis?>(null));
        var settings = _settings;
        Task<StoryAnalysis?>? pending = null;
        if (_analysis.TryGetValue(uri, out var st) && st.Seq == doc.Seq && st.Generation == settings.Generation) pending = st.Pending;
        return (doc, AnalysisOf(doc, settings, pending));
    }

    private static async Task<StoryAnalysis?> AnalysisOf(DocumentSnapshot doc, SettingsState settings, Task<StoryAnalysis?>? pending)
    {
        if (pending is not null && await pending.ConfigureAwait(false) is { } a) return a;
        // Superseded before it ran (or the settings changed): analyse this snapshot directly.
        return await Task.Run(() => PracticeAnalyzer.Analyze(doc.Uri, doc.Text, SettingsFor(settings, doc.Uri))).ConfigureAwait(false);
    }

    private async Task<(DocumentSnapshot Doc, StoryAnalysis Analysis)?> ReadAsync(string method, string uri, CancellationToken ct)
    {
        var (doc, analysis) = await ReadAnyAsync(method, uri, ct).ConfigureAwait(false);
        return doc is null || analysis is null ? null : (doc, analysis);
    }

    /// <summary>The document and, unless it is too large to analyse, its analysis.</summary>
    private async Task<(DocumentSnapshot? Doc, StoryAnalysis? Analysis)> ReadAnyAsync(string method, string uri, CancellationToken ct)
    {
        var (doc, analysisTask) = Read(uri);   // synchronous part: runs on the writer, in order
        if (doc is null)
        {
            _log.Debug("{Method} for {Uri}, which is not open", method, uri);
            return (null, null);
        }
        if (_options.BeforeRead is { } hook) await hook(method, ct).ConfigureAwait(false);
        var analysis = doc.Text.Length > _options.MaxAnalyzedChars ? null : await analysisTask.WaitAsync(ct).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        return (doc, analysis);
    }

    private async Task<Hover?> HoverAsyncCore(HoverParams p, CancellationToken cancellationToken)
    {
        var r = await ReadAsync("hover", p.TextDocument.Uri, cancellationToken).ConfigureAwait(false);
        if (r is not { } x) return null;
        // Bank findings on this story feed the title hover's bar-raiser questions; read only when asked.
        IEnumerable<Diagnostic> BankFindings() =>
            _bank.Current.Diagnostics.Where(d => d.Path is not null && DocumentStore.Normalize(d.Path) == x.Doc.Uri);
        return Features.Hover(x.Analysis, p.Position, _docs, BankFindings);
    }

    /// <summary>The client applies LSP 3.18 snippet edits (vscode-languageclient 10 and later announce it).</summary>
    private bool SnippetEdits => _init?.Capabilities?.Workspace?.WorkspaceEdit is { DocumentChanges: true, SnippetEditSupport: true };

    private async Task<List<CodeAction>> CodeActionAsyncCore(CodeActionParams p, CancellationToken cancellationToken)
    {
        var r = await ReadAsync("codeAction", p.TextDocument.Uri, cancellationToken).ConfigureAwait(false);
        return r is { } x ? Features.CodeActions(x.Analysis, x.Doc.ClientUri, p, _docs, SnippetEdits) : new();
    }

    private async Task<List<DocumentSymbol>> DocumentSymbolAsyncCore(DocumentSymbolParams p, CancellationToken cancellationToken)
    {
        var r = await ReadAsync("documentSymbol", p.TextDocument.Uri, cancellationToken).ConfigureAwait(false);
        return r is { } x ? Features.Symbols(x.Analysis, FileName(x.Doc.Uri)) : new();
    }

    private async Task<List<CodeLens>> CodeLensAsyncCore(CodeLensParams p, CancellationToken cancellationToken)
    {
        var r = await ReadAsync("codeLens", p.TextDocument.Uri, cancellationToken).ConfigureAwait(false);
        return r is { } x ? Features.CodeLenses(x.Analysis) : new();
    }

    private async Task<List<InlayHint>> InlayHintAsyncCore(InlayHintParams p, CancellationToken cancellationToken)
    {
        var r = await ReadAsync("inlayHint", p.TextDocument.Uri, cancellationToken).ConfigureAwait(false);
        return r is { } x ? Features.InlayHints(x.Analysis, p.Range) : new();
    }

    private async Task<CompletionList> CompletionAsyncCore(CompletionParams p, CancellationToken cancellationToken)
    {
        var (doc, analysis) = await ReadAnyAsync("completion", p.TextDocument.Uri, cancellationToken).ConfigureAwait(false);
        return doc is not null ? Features.Completion(doc.Text, doc.Lines, p.Position, analysis) : new CompletionList();
    }

    private static string FileName(string uri) =>
        Path.GetFileName(DocumentStore.LocalPath(uri) ?? uri) is { Length: > 0 } n ? n : uri;
}
