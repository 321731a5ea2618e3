using PmPrep.Core.Bank;
using PmPrep.Core.Config;
using PmPrep.Core.Report;

namespace PmPrep.Server.Cli;

/// <summary>`pmprep report`: a thin call into the one HTML renderer in Core (the VS Code webview uses the same one).</summary>
internal static class ReportWriter
{
    public static string Render(IReadOnlyList<CliApp.CheckedFile> files, BankAnalysis bank, PmPrepSettings settings) =>
        ReportRenderer.Render(bank, new ReportOptions
        {
            Settings = settings,
            Unreadable = files.Where(f => f.Analysis is null).Select(f => (f.File.DisplayPath, f.File.Error ?? "could not be read")).ToList(),
            Practice = files.Where(f => f.Analysis is { Kind: not Core.Practice.PracticeKind.Story }).Select(f => (f.File.DisplayPath, f.Analysis!)).ToList(),
        });
}
