using PmPrep.Core.Drill;
using PmPrep.Core.Practice;

namespace PmPrep.Server.Cli;

/// <summary>
/// `pmprep drill [PATH...]`: the bar-raiser practice sheet. For each story, three to five
/// follow-up questions, each quoting the sentence that prompted it, one story per page (a form
/// feed between pages). Plain text; design answers and PR/FAQs are skipped. Exit 0, or 2 for
/// usage or I/O errors (the readable stories are still printed).
/// </summary>
internal static class DrillCommand
{
    public static int Run(Options o, TextWriter stdout, TextWriter stderr, string cwd)
    {
        if (o.Out is not null || o.Fix || o.DryRun) { stderr.WriteLine("pmprep: `pmprep drill` takes paths and --config only"); stderr.Write(CliApp.Usage); return 2; }
        var (files, bank, _, ioError) = CliApp.Load(o, stderr, cwd);
        var pages = files
            .Where(f => f.Analysis is { Kind: PracticeKind.Story })
            .Select(f => (f.File.DisplayPath, f.Analysis!, DrillSheet.For(f.Analysis!, bank.DiagnosticsFor(f.File.DisplayPath))))
            .ToList();
        if (pages.Count == 0)
        {
            stderr.WriteLine("pmprep: no stories to drill");
            return ioError ? 2 : 0;
        }
        DrillSheet.WriteSheet(stdout, pages);
        return ioError ? 2 : 0;
    }
}
