using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.VisualStudio.Threading;
using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Catalog;
using PmPrep.Core.Config;
using PmPrep.Core.Report;
using PmPrep.Server.IO;
using PmPrep.Server.Lsp.Protocol;
using Serilog;
using StreamJsonRpc;

namespace PmPrep.Server.Lsp;

// Lifecycle: initialize, shutdown and exit, the parent-process watch, dynamic registration.
public sealed partial class LanguageServer
{
    // ================================================================== lifecycle

    private Task<InitializeResult> InitializeAsyncCore(InitializeParams p, CancellationToken cancellationToken)
    {
        _init = p;
        if (p.WorkspaceFolders is { Count: > 0 } folders)
            _roots.AddRange(folders.Select(f => DocumentStore.LocalPath(f.Uri)).OfType<string>());
        else if (p.RootUri is not null && DocumentStore.LocalPath(p.RootUri) is { } root) _roots.Add(root);
        else if (!string.IsNullOrEmpty(p.RootPath)) _roots.Add(p.RootPath!);
        _rootList = _roots.ToArray();

        string? docsBase = null;
        if (p.InitializationOptions is { ValueKind: JsonValueKind.Object } io && io.TryGetProperty("docsBaseUrl", out var d) && d.ValueKind == JsonValueKind.String)
            docsBase = d.GetString();
        _docs = new DocsLinks(docsBase ?? DocsLinks.Find(_options.DocsSearchStart));

        if (p.InitializationOptions is { ValueKind: JsonValueKind.Object } io2 && io2.TryGetProperty("settings", out var s))
            _clientSettings = s.Clone();
        RecomputeSettings(reanalyze: false);

        if (p.ProcessId is int pid && pid > 0) _ = WatchParentAsync(pid);
        _log.Information("initialize from {Client} {Version}, roots {Roots}, pid {Pid}", p.ClientInfo?.Name, p.ClientInfo?.Version, _roots, p.ProcessId);

        var result = new InitializeResult
        {
            ServerInfo = new ServerInfo { Name = "pmprep", Version = ProductInfo.Version },
        };
        result.Capabilities.Workspace.WorkspaceFolders.ChangeNotifications = true;
        return Task.FromResult(result);
    }

    public void Initialized(JsonElement? p = null)
    {
        var caps = _init?.Capabilities?.Workspace;
        if (caps?.DidChangeWatchedFiles?.DynamicRegistration == true || caps?.DidChangeConfiguration?.DynamicRegistration == true)
            _ = RegisterAsync(caps);
        if (caps?.Configuration == true) _ = PullConfigurationAsync();
        StartIndexing(_roots.ToList());
    }

    public Task ShutdownAsync(CancellationToken cancellationToken)
    {
        _shutdown = true;
        _log.Information("shutdown");
        foreach (var st in _analysis.Values) st.Cts?.Cancel();
        return Task.CompletedTask;
    }

    public void Exit()
    {
        _log.Information("exit (after shutdown: {Shutdown})", _shutdown);
        _exit.TrySetResult(_shutdown ? 0 : 1);
    }

    private async Task WatchParentAsync(int pid)
    {
        while (!_exit.Task.IsCompleted)
        {
            if (!IsAlive(pid))
            {
                _log.Warning("The editor process {Pid} is gone; exiting", pid);
                _exit.TrySetResult(1);
                return;
            }
            await Task.WhenAny(Task.Delay(_options.ParentPollInterval), _exit.Task).ConfigureAwait(false);
        }
    }

    internal static bool IsAlive(int pid)
    {
        try
        {
            using var proc = Process.GetProcessById(pid);
            return !proc.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    private async Task RegisterAsync(WorkspaceClientCapabilities caps)
    {
        var regs = new RegistrationParams();
        if (caps.DidChangeWatchedFiles?.DynamicRegistration == true)
        {
            var options = new DidChangeWatchedFilesRegistrationOptions
            {
                Watchers = { new Protocol.FileSystemWatcher { GlobPattern = "**/*.story.md" }, new Protocol.FileSystemWatcher { GlobPattern = "**/.pmprep.yaml" } },
            };
            regs.Registrations.Add(new Registration
            {
                Id = "pmprep-watched-files",
                Method = "workspace/didChangeWatchedFiles",
                RegisterOptions = JsonSerializer.SerializeToElement(options, LspJsonContext.Default.DidChangeWatchedFilesRegistrationOptions),
            });
        }
        if (caps.DidChangeConfiguration?.DynamicRegistration == true)
            regs.Registrations.Add(new Registration { Id = "pmprep-configuration", Method = "workspace/didChangeConfiguration" });
        try
        {
            await Client.RequestAsync(_rpc, "client/registerCapability", regs, LspJsonContext.Default.RegistrationParams).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _log.Warning(ex, "client/registerCapability failed");
        }
    }
}
