using PmPrep.Core.Bank;
using PmPrep.Core.Catalog;
using PmPrep.Core.Config;

namespace PmPrep.Server.Cli;

/// <summary>`path:line:col: severity rule-id message`, lines and columns one-based as compilers print them.</summary>
internal static class TextOutput
{
    public static void Write(TextWriter o, IReadOnlyList<CliApp.CheckedFile> files, BankAnalysis bank, PmPrepSettings settings)
    {
        var counts = new Dictionary<Severity, int>();
        foreach (var f in files)
        {
            if (f.Analysis is null) continue;
            foreach (var d in f.Analysis.Diagnostics)
            {
                o.WriteLine($"{f.File.DisplayPath}:{d.Range.Start.Line + 1}:{d.Range.Start.Character + 1}: {RuleInfo.SeverityName(d.Severity)} {d.RuleId} {d.Message}");
                counts[d.Severity] = counts.GetValueOrDefault(d.Severity) + 1;
            }
        }
        foreach (var d in bank.Diagnostics)
        {
            string where = d.Path is null ? "(bank)" : d.Location is { } r ? $"{d.Path}:{r.Start.Line + 1}:{r.Start.Character + 1}" : d.Path;
            o.WriteLine($"{where}: {RuleInfo.SeverityName(d.Severity)} {d.RuleId} {d.Message}");
            counts[d.Severity] = counts.GetValueOrDefault(d.Severity) + 1;
        }
        int stories = files.Count(f => f.Analysis is not null && f.Analysis.Kind == Core.Practice.PracticeKind.Story);
        int designs = files.Count(f => f.Analysis?.Kind == Core.Practice.PracticeKind.Design);
        int prfaqs = files.Count(f => f.Analysis?.Kind == Core.Practice.PracticeKind.PrFaq);
        var parts = new List<string>();
        foreach (var (sev, name) in new[] { (Severity.Error, "error"), (Severity.Warning, "warning"), (Severity.Information, "information"), (Severity.Hint, "hint") })
            if (counts.TryGetValue(sev, out int n)) parts.Add($"{n} {name}{(n == 1 || name == "information" ? "" : "s")}");
        string minutes = stories == 0 ? "" : $", {files.Where(f => f.Analysis is { Kind: Core.Practice.PracticeKind.Story }).Average(f => f.Analysis!.Minutes).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} min average";
        string others = (designs > 0 ? $", {designs} design answer{(designs == 1 ? "" : "s")}" : "") + (prfaqs > 0 ? $", {prfaqs} PR/FAQ{(prfaqs == 1 ? "" : "s")}" : "");
        string bankNote = bank.Stories.Count > 0 && !bank.RulesRan
            ? $"; bank rules not run (the bank has {bank.Stories.Count} stor{(bank.Stories.Count == 1 ? "y" : "ies")}, they need {BankAnalyzer.MinStories})" : "";
        o.WriteLine($"{stories} stor{(stories == 1 ? "y" : "ies")}{others} checked{minutes}: {(parts.Count == 0 ? "no findings" : string.Join(", ", parts))}{bankNote}");
    }
}
