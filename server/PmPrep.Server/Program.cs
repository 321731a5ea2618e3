using PmPrep.Server.Cli;

namespace PmPrep.Server;

/// <summary>
/// The one executable: `pmprep check|report|rules` (the command line) and `pmprep --stdio` (the
/// language server). Both are thin layers over PmPrep.Core.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--stdio"))
            return await Lsp.LspEntry.RunStdioAsync(args).ConfigureAwait(false);
        return CliApp.Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory(), terminal: !Console.IsOutputRedirected);
    }
}
