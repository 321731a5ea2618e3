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

// Configuration: client settings (pushed or pulled), `.pmprep.yaml`, and re-analysis when they change.
public sealed partial class LanguageServer
{
    // ================================================================== configuration

    private void DidChangeConfigurationCore(DidChangeConfigurationParams p)
    {
        if (p.Settings is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("pmprep", out var section))
        {
            _clientSettings = section.Clone();
            RecomputeSettings(reanalyze: true);
        }
        else if (_init?.Capabilities?.Workspace?.Configuration == true)
        {
            _ = PullConfigurationAsync();
        }
    }

    private async Task PullConfigurationAsync()
    {
        try
        {
            var result = await Client.RequestAsync(_rpc, "workspace/configuration",
                new ConfigurationParams { Items = { new ConfigurationItem { Section = "pmprep" } } },
                LspJsonContext.Default.ConfigurationParams).ConfigureAwait(false);
            JsonElement? section = result is { ValueKind: JsonValueKind.Array } arr && arr.GetArrayLength() > 0 ? arr[0].Clone() : null;
            _writer.Post(_ =>
            {
                _clientSettings = section;
                RecomputeSettings(reanalyze: true);
            }, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _log.Warning(ex, "workspace/configuration failed");
        }
    }

    /// <summary>
    /// Client settings (section `pmprep`) first, then `.pmprep.yaml` over them: the project file
    /// wins. Each story gets the nearest file between it and its workspace folder
    /// (<see cref="ConfigResolver"/>, shared with `pmprep check`); the bank rules get the first
    /// folder's. <paramref name="force"/>: a config file changed, so re-read them all.
    /// </summary>
    private void RecomputeSettings(bool reanalyze, bool force = false)
    {
        var problems = new List<string>();
        var s = ClientSettingsParser.Apply(PmPrepSettings.Default, _clientSettings, problems, out var docsBase);
        if (docsBase is not null) _docs = new DocsLinks(docsBase);
        var roots = _roots.ToArray();
        var resolver = new ConfigResolver(s, roots, (path, problem) =>
        {
            // The workspace folder's own file keeps its short name; a nested one is named by its path.
            string name = Path.GetDirectoryName(path) is { } dir && !roots.Any(r => Path.TrimEndingDirectorySeparator(r) == dir)
                ? DisplayPath(DocumentStore.FromPath(path)) : StoryFiles.ConfigName;
            _log.Warning("Settings: {Problem}", name + ": " + problem);
            _ = LogToClientAsync(2, "PmPrep settings: " + name + ": " + problem);
        });
        var bankSettings = roots.Length > 0 ? resolver.ForFolder(roots[0]) : s;
        if (!force && bankSettings == _settings.Settings && _settings.Generation > 0) return;
        _settings = new SettingsState(bankSettings, _settings.Generation + 1, resolver);
        _bank.Settings = bankSettings;   // re-runs only the bank rules on the next read
        foreach (var problem in problems)
        {
            _log.Warning("Settings: {Problem}", problem);
            _ = LogToClientAsync(2, "PmPrep settings: " + problem);
        }
        if (!reanalyze) return;
        foreach (var doc in _store.Documents.Values) Schedule(doc);
        ReanalyzeDisk();
    }

    private void ReanalyzeDisk()
    {
        var settings = _settings;
        var gen = Interlocked.Increment(ref _diskGeneration);
        _ = Task.Run(async () =>
        {
            await _indexing.ConfigureAwait(false);
            foreach (var story in _disk.Values.ToList())
            {
                if (Interlocked.Read(ref _diskGeneration) != gen) return;
                var a = PracticeAnalyzer.Analyze(story.Uri, story.Analysis.Document.Text, SettingsFor(settings, story.Uri));
                if (_disk.TryUpdate(story.Uri, new DiskStory(story.Uri, a, settings.Generation), story)) SyncBank(story.Uri);
            }
            ScheduleBank();
        });
    }

    private Task LogToClientAsync(int type, string message) =>
        Client.NotifyAsync(_rpc, "window/logMessage", new LogMessageParams { Type = type, Message = message }, LspJsonContext.Default.LogMessageParams, _log);
}
