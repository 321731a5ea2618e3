using PmPrep.Core.Bank;
using PmPrep.Server.Lsp.Protocol;

namespace PmPrep.Server.Lsp;

/// <summary>Builds the `pmprep/coverage` answer (shape in docs/protocol.md) from a bank analysis.</summary>
public static class Coverage
{
    /// <param name="message">Rewrites bank messages (the server replaces story URIs with workspace-relative paths).</param>
    public static CoverageResult Build(BankAnalysis bank, IReadOnlyDictionary<string, DocumentSnapshot> open, Func<string, string>? message = null)
    {
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
                Gap = row.IsGap,
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
                Message = message is null ? d.Message : message(d.Message),
                Uri = d.Path,
                Range = d.Range is { } r ? Features.ToLsp(r) : null,
            });
        return result;
    }
}
