using PmPrep.Core.Bank;
using PmPrep.Server.Lsp.Protocol;

namespace PmPrep.Server.Lsp;

/// <summary>Builds the `pmprep/coverage` answer (shape in docs/protocol.md) from a bank analysis.</summary>
public static class Coverage
{
    /// <param name="displayPath">How a story is named in messages (the server shows workspace-relative paths).</param>
    public static CoverageResult Build(BankAnalysis bank, IReadOnlyDictionary<string, DocumentSnapshot> open, Func<string, string>? displayPath = null)
    {
        displayPath ??= p => p;
        var result = new CoverageResult();
        foreach (var s in bank.Stories)
        {
            var a = s.Analysis;
            open.TryGetValue(s.Path, out var doc);
            result.Stories.Add(new CoverageStory
            {
                Uri = s.Path,
                Title = a.Document.Title,
                Words = a.Words,
                Minutes = Math.Round(a.Minutes, 2),
                Band = new CoverageBand { Min = a.Settings.MinMinutes, Max = a.Settings.MaxMinutes, Limit = a.Settings.LimitMinutes, WordsPerMinute = a.Settings.WordsPerMinute },
                Length = a.Minutes > a.Settings.LimitMinutes ? "over" : a.Minutes > a.Settings.MaxMinutes ? "long" : a.Minutes < a.Settings.MinMinutes ? "short" : "ok",
                Open = doc is not null,
                Version = doc?.Version,
                Claimed = a.ClaimedPrinciples.Select(p => p.Name).ToList(),
            });
        }
        foreach (var row in bank.Coverage)
        {
            result.Principles.Add(new CoveragePrinciple
            {
                Name = row.Principle.Name,
                Key = row.Principle.Key,
                Meaning = row.Principle.Meaning,
                Gap = row.IsGap,
                GapSeverity = bank.Diagnostics.FirstOrDefault(d => d.RuleId == "lp-coverage-gap" && d.Args is { } a && a.TryGetValue("lp", out var lp) && lp == row.Principle.Name) is { } gap
                    ? (int)gap.Severity : null,
                Cells = row.Cells.Select(c => new CoverageCellDto
                {
                    Uri = c.Story.Path,
                    Signals = c.Signals,
                    Claimed = c.Claimed,
                    Strongest = c.Strongest is { } st ? new CoverageEvidence { Text = st.Text, Reason = st.Reason, Range = Features.ToLsp(st.Range) } : null,
                }).ToList(),
            });
        }
        foreach (var d in bank.Diagnostics)
            result.Diagnostics.Add(new CoverageDiagnostic
            {
                Rule = d.RuleId,
                Severity = (int)d.Severity,
                Message = d.Format(displayPath),
                Uri = d.Path,
                Range = d.Location is { } r ? Features.ToLsp(r) : null,
                Related = d.Related.Count == 0 ? null : d.Related.Select(x => new LspLocation { Uri = x.Path, Range = x.Range is { } rr ? Features.ToLsp(rr) : new(new(0, 0), new(0, 0)) }).ToList(),
            });
        return result;
    }
}
