using PmPrep.Core.Catalog;
using PmPrep.Core.Config;
using PmPrep.Core.Model;
using PmPrep.Core.Parsing;
using PmPrep.Core.Reading;
using PmPrep.Core.Rules;
using PmPrep.Core.Signals;

namespace PmPrep.Core.Analysis;

/// <summary>The engine's front door: text and settings in, findings out. No I/O.</summary>
public static class StoryAnalyzer
{
    public static StoryAnalysis Analyze(string text, PmPrepSettings? settings = null)
    {
        settings ??= PmPrepSettings.Default;
        var lexicon = Lexicon.For(settings);
        var doc = StoryParser.Parse(text ?? string.Empty);
        var reading = StoryReading.Read(doc, lexicon);
        // A story with no headings gets parts inferred from its content, before anything reads parts.
        PartInference.Infer(doc, reading, lexicon);
        var signals = SignalDetector.Detect(doc, lexicon, reading);
        var claims = ResolveClaims(doc.FrontMatter?.Lps);
        var decisions = Decisions.Count(doc, reading, lexicon);
        var diagnostics = new List<Diagnostic>();
        var ctx = new RuleContext(doc, settings, lexicon, reading, signals, claims, diagnostics, decisions);
        foreach (var rule in RuleRegistry.StoryRules)
        {
            if (!settings.IsEnabled(rule.Id)) continue;
            rule.Check(ctx);
        }
        // Only one finding per span: the more useful rule keeps the words, the other is folded in.
        diagnostics = OneFindingPerSpan.Merge(diagnostics, lexicon.Data, out var folded);
        diagnostics.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.RuleId, b.RuleId));
        return new StoryAnalysis(doc, settings, reading, diagnostics, signals, claims, decisions) { Folded = folded };
    }

    /// <summary>
    /// Resolves `lps` entries. YAML splits "Are Right, A Lot" and "Have Backbone; Disagree and
    /// Commit" written in a flow list at the comma, so an unknown entry is first tried joined with the next.
    /// </summary>
    internal static List<(FrontMatterValue, Principle?)> ResolveClaims(List<FrontMatterValue>? lps)
    {
        var result = new List<(FrontMatterValue, Principle?)>();
        if (lps is null) return result;
        for (int i = 0; i < lps.Count; i++)
        {
            var p = PrincipleNames.Resolve(lps[i].Value);
            if (p is null && i + 1 < lps.Count)
            {
                var joined = PrincipleNames.Resolve(lps[i].Value + ", " + lps[i + 1].Value);
                if (joined is not null)
                {
                    result.Add((new FrontMatterValue(lps[i].Value + ", " + lps[i + 1].Value, lps[i].SourceStart, lps[i + 1].SourceEnd), joined));
                    i++;
                    continue;
                }
            }
            result.Add((lps[i], p));
        }
        return result;
    }
}
