using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Catalog;
using PmPrep.Core.Model;

namespace PmPrep.Core.Drill;

/// <summary>
/// The drill's reader on today's detectors: the findings of we-language, team-as-actor,
/// missing-because, metric-without-context and vague-outcome, the decision and change lists of
/// lexicon.yaml, and the drill_* lists of practice.yaml. Sentences in quotes are skipped.
/// </summary>
public sealed class DetectorReader : IStoryReader
{
    public static DetectorReader Instance { get; } = new();

    private static readonly Dictionary<string, int> Counts = new(StringComparer.Ordinal)
    {
        ["a"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["fourteen"] = 14, ["twenty"] = 20, ["thirty"] = 30,
    };

    public IReadOnlyList<DrillCue> Read(StoryAnalysis story, IEnumerable<Diagnostic>? bankFindings)
    {
        var cues = new List<DrillCue>();
        var doc = story.Document;
        var lex = Lexicon.For(story.Settings);
        foreach (var s in doc.Sentences)
        {
            if (s.Words.Length == 0 || s.Words.All(w => w.InQuote)) continue;
            var next = s.Next;
            bool Has(string list, Sentence? x) => x is not null && lex[list].Any(x.Words);

            // A decision of the candidate's with no alternative in it or the next sentence.
            if (Has("decision-verbs", s) && s.Words.Any(w => w.Is("i")) && !Has("drill_alternative", s) && !Has("drill_alternative", next))
                cues.Add(Cue(DrillKind.DecisionWithoutAlternative, s));
            // A result (in the Impact part when there are parts; not a decision): a change word and a number, with no control or baseline.
            bool resultPart = !doc.HasParts || s.Part?.Kind is Model.PartKind.Impact or Model.PartKind.Other or Model.PartKind.Reflection;
            if (resultPart && !Has("decision-verbs", s) && Has("change-words", s) && s.Words.Any(w => w.Kind == TokenKind.Number && !Bank.FactClaims.IsYear(w.Text))
                && !Has("baseline-markers", s) && !Has("drill_control", s))
                cues.Add(Cue(DrillKind.ResultWithoutControl, s));
            if (Has("drill_test", s) && ShortWindow(s)) cues.Add(Cue(DrillKind.ShortTestWindow, s));
            if (Has("drill_threshold", s) && s.Words.Any(w => w.Kind == TokenKind.Number)) cues.Add(Cue(DrillKind.Threshold, s));
        }
        foreach (var d in story.Diagnostics)
        {
            var kind = d.RuleId switch
            {
                "we-language" or "team-as-actor" or "passive-ownership" => DrillKind.TeamActor,
                "missing-because" => DrillKind.DecisionWithoutReason,
                "metric-without-context" => DrillKind.ResultWithoutControl,
                "vague-outcome" => DrillKind.VagueResult,
                _ => (DrillKind?)null,
            };
            if (kind is null || SentenceAt(doc, d.Start) is not { } s) continue;
            cues.Add(Cue(kind.Value, s));
        }
        foreach (var d in bankFindings ?? Enumerable.Empty<Diagnostic>())
        {
            if (d.RuleId is not ("role-inconsistency" or "fact-inconsistency")) continue;
            if (SentenceAt(doc, d.Start) is { } s) cues.Add(Cue(DrillKind.RoleConflict, s));
            else if (d.End > d.Start && d.End <= doc.Text.Length) cues.Add(new DrillCue(DrillKind.RoleConflict, d.Start, d.End, doc.Text[d.Start..d.End]));
        }
        cues.Sort((a, b) => a.Start.CompareTo(b.Start));
        return cues;
    }

    private static DrillCue Cue(DrillKind kind, Sentence s) => new(kind, s.SourceStart, s.SourceEnd, s.Text);

    internal static Sentence? SentenceAt(StoryDocument doc, int offset) =>
        doc.Sentences.FirstOrDefault(s => s.SourceStart <= offset && offset < Math.Max(s.SourceEnd, s.SourceStart + 1));

    private static readonly HashSet<string> TestWords = new(StringComparer.Ordinal)
    { "test", "tests", "pilot", "pilots", "experiment", "experiments", "trial", "trials", "beta", "canary", "run" };

    /// <summary>
    /// A test window of up to four weeks or thirty days: "a two-week test", "a 10-day pilot", or
    /// "for two weeks" / "over 10 days" in a sentence about a test. "Two weeks before launch" is a
    /// date, not a window.
    /// </summary>
    internal static bool ShortWindow(Sentence s)
    {
        var w = s.Words;
        for (int i = 0; i < w.Length; i++)
        {
            string t = w[i].Lower;
            // "two-week test", "10-day pilot": the window right before the test word.
            int dash = t.IndexOf('-');
            if (dash > 0 && Unit(t[(dash + 1)..]) is { } u1 && Count(t[..dash]) is { } n1
                && ((i + 1 < w.Length && TestWords.Contains(w[i + 1].Lower)) || (i + 2 < w.Length && TestWords.Contains(w[i + 2].Lower))))
                return Short(n1, u1);
            // "for two weeks", "over 10 days", "in ten days"
            if (Unit(t) is not { } unit || i < 2) continue;
            if (Count(w[i - 1].Lower) is { } n && w[i - 2].Lower is "for" or "over" or "in" or "within") return Short(n, unit);
        }
        return false;
    }

    private static int? Count(string t) =>
        Counts.TryGetValue(t, out var n) ? n : int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k) ? k : null;

    private static char? Unit(string t) => t switch
    {
        "day" or "days" => 'd',
        "week" or "weeks" => 'w',
        _ => null,
    };

    private static bool Short(int n, char unit) => unit == 'd' ? n <= 30 : n <= 4;
}
