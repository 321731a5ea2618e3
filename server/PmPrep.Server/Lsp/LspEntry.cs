using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace PmPrep.Server.Lsp;

/// <summary>
/// `pmprep --stdio [--log FILE] [--verbose]`: the language server on stdin/stdout. Logs go to
/// stderr (and to FILE when given, or to $PMPREP_LOG); stdout carries only LSP messages, so
/// Console.Out is pointed at stderr before anything can write to it.
/// </summary>
public static class LspEntry
{
    public static async Task<int> RunStdioAsync(string[] args)
    {
        var stdin = Console.OpenStandardInput();
        var stdout = Console.OpenStandardOutput();
        Console.SetOut(Console.Error);

        string? logFile = Environment.GetEnvironmentVariable("PMPREP_LOG");
        int i = Array.IndexOf(args, "--log");
        if (i >= 0 && i + 1 < args.Length) logFile = args[i + 1];
        bool verbose = args.Contains("--verbose");

        var config = new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            .WriteTo.Sink(new StderrSink());
        if (!string.IsNullOrEmpty(logFile)) config = config.WriteTo.File(logFile);
        using var log = config.CreateLogger();

        try
        {
            var (rpc, server, _) = LanguageServer.Create(stdout, stdin, log);
            rpc.StartListening();
            int code = await server.Completion.ConfigureAwait(false);
            log.Information("Exiting with code {Code}", code);
            rpc.Dispose();
            return code;
        }
        catch (Exception ex)
        {
            log.Fatal(ex, "The language server failed");
            return 1;
        }
    }

    /// <summary>One line per event on stderr; no console colour codes, no dependency on a console sink.</summary>
    private sealed class StderrSink : ILogEventSink
    {
        private readonly object _lock = new();

        public void Emit(LogEvent e)
        {
            var line = $"[{e.Timestamp:HH:mm:ss.fff} {Level(e.Level)}] {e.RenderMessage()}";
            lock (_lock)
            {
                Console.Error.WriteLine(line);
                if (e.Exception is not null) Console.Error.WriteLine(e.Exception);
            }
        }

        private static string Level(LogEventLevel l) => l switch
        {
            LogEventLevel.Verbose => "VRB",
            LogEventLevel.Debug => "DBG",
            LogEventLevel.Information => "INF",
            LogEventLevel.Warning => "WRN",
            LogEventLevel.Error => "ERR",
            _ => "FTL",
        };
    }
}
