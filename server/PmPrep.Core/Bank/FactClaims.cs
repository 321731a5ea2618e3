using System.Runtime.CompilerServices;
using PmPrep.Core.Analysis;
using PmPrep.Core.Model;

namespace PmPrep.Core.Bank;

/// <summary>What kind of fact two stories can disagree on.</summary>
public enum FactKind { Owner, Year, Figure }

/// <summary>
/// One checkable fact a story states: who owned a named component ("the other PM owned the
/// checkout API": <see cref="Mine"/> false), a year tied to an event ("launched in 2021"), or a
/// headline figure ("conversion rose 12%"). <see cref="Subject"/> holds the content-word stems the
/// fact is about (the component, or the sentence's words without its figures); <see cref="Values"/>
/// the years or figures as written. Offsets are the sentence's source range.
/// </summary>
public sealed record FactClaim(FactKind Kind, bool Mine, string Owner, IReadOnlySet<string> Subject, IReadOnlyList<string> Values, string Sentence, string Component, int Start, int End);

/// <summary>
/// Reads a story's checkable facts for <c>fact-inconsistency</c>, once per analysis (cached with
/// it). Deliberately narrow: only sentences whose shape is clear, outside quotes, not negated.
/// </summary>
public static class FactClaims
{
    private static readonly ConditionalWeakTable<StoryAnalysis, IReadOnlyList<FactClaim>> Cache = new();

    private static readonly HashSet<string> OwnVerbs = new(StringComparer.Ordinal) { "owned", "led", "built", "ran", "drove", "designed", "wrote" };
    private static readonly HashSet<string> Persons = new(StringComparer.Ordinal)
    {
        "pm", "pms", "engineer", "engineers", "manager", "lead", "colleague", "peer", "partner", "designer", "analyst", "director", "team",
        "engineering", "she", "he", "someone", "owner", "tpm", "sde", "founder", "vp",
    };
    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal) { "not", "never", "n't", "didn't", "no", "neither", "nor" };
    private static readonly HashSet<string> Breaks = new(StringComparer.Ordinal) { "and", "but", "while", "because", "since", "so", "which", "who", "when", "after", "before", "until", "although", "though", "whereas" };
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal) { "work", "project", "effort", "thing", "part", "rest", "whole", "it", "them", "way", "team", "process" };

    public static IReadOnlyList<FactClaim> Of(StoryAnalysis analysis) => Cache.GetValue(analysis, a => Find(a.Document));

    internal static List<FactClaim> Find(StoryDocument doc)
    {
        var claims = new List<FactClaim>();
        foreach (var s in doc.Sentences)
        {
            Owners(s, claims);
            YearsAndFigures(s, claims);
        }
        return claims;
    }

    private static void Owners(Sentence s, List<FactClaim> claims)
    {
        var w = s.Words;
        for (int v = 1; v < w.Length; v++)
        {
            if (!OwnVerbs.Contains(w[v].Lower) || w[v].InQuote) continue;
            // The subject: the words back to a clause break (a comma, semicolon or conjunction).
            int subjStart = v;
            while (subjStart > 0 && !Breaks.Contains(w[subjStart - 1].Lower) && !PunctBetween(s, subjStart - 1, subjStart) && v - subjStart < 5) subjStart--;
            if (subjStart == v) continue;
            bool negated = false, person = false, me = false;
            string owner = "";
            for (int j = subjStart; j < v; j++)
            {
                var t = w[j];
                if (Negations.Contains(t.Lower) || t.Lower.EndsWith("n't", StringComparison.Ordinal)) negated = true;
                if (t.Is("i")) me = true;
                else if (Persons.Contains(t.Lower) || (t.IsCapitalized && t.Kind == TokenKind.Word && (j > 0 || Fingerprint.ContentStem(t) is not null))) person = true;
            }
            if (negated || me == person) continue; // "I and the other PM owned it", or no clear owner
            owner = me ? "I" : Text(s, subjStart, v);
            int objEnd = v + 1;
            while (objEnd < w.Length && objEnd - v <= 6 && !Breaks.Contains(w[objEnd].Lower) && !PunctBetween(s, objEnd - 1, objEnd)) objEnd++;
            var subject = new HashSet<string>(StringComparer.Ordinal);
            for (int j = v + 1; j < objEnd; j++)
                if (w[j].Kind == TokenKind.Word && Fingerprint.ContentStem(w[j]) is { } stem && !Generic.Contains(stem)) subject.Add(stem);
            if (subject.Count == 0) continue;
            string component = Text(s, v + 1, objEnd);
            if (component.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) component = component[4..];
            claims.Add(new FactClaim(FactKind.Owner, me, owner, subject, Array.Empty<string>(), Trim(s.Text), component, s.SourceStart, s.SourceEnd));
        }
    }

    private static void YearsAndFigures(Sentence s, List<FactClaim> claims)
    {
        var w = s.Words;
        var years = new List<string>();
        var figures = new List<string>();
        var subject = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in w)
        {
            if (t.InQuote) return;
            if (t.Kind == TokenKind.Number)
            {
                if (IsYear(t.Text)) years.Add(t.Text);
                else if (t.Text.EndsWith('%') || !char.IsDigit(t.Text[0]) || t.Lower.EndsWith('x')) figures.Add(t.Text);
                continue;
            }
            if (Fingerprint.ContentStem(t) is { } stem && stem.Length > 2) subject.Add(stem);
        }
        if (years.Count > 0 && subject.Count >= 2)
            claims.Add(new FactClaim(FactKind.Year, true, "", subject, years.Distinct().ToList(), Trim(s.Text), "", s.SourceStart, s.SourceEnd));
        if (figures.Count > 0 && subject.Count >= 3)
            claims.Add(new FactClaim(FactKind.Figure, true, "", subject, figures.Distinct().ToList(), Trim(s.Text), "", s.SourceStart, s.SourceEnd));
    }

    internal static bool IsYear(string t) => t.Length == 4 && (t.StartsWith("19", StringComparison.Ordinal) || t.StartsWith("20", StringComparison.Ordinal)) && t.All(char.IsAsciiDigit);

    /// <summary>The two claims disagree: same kind, about the same thing, with different owners or values.</summary>
    public static bool Conflict(FactClaim a, FactClaim b)
    {
        if (a.Kind != b.Kind) return false;
        int shared = a.Subject.Count(b.Subject.Contains);
        int smaller = Math.Min(a.Subject.Count, b.Subject.Count);
        switch (a.Kind)
        {
            case FactKind.Owner:
                // The same component: every content word of the shorter name in the other ("checkout API").
                return a.Mine != b.Mine && shared == smaller && smaller >= 1 && (smaller >= 2 || a.Subject.SetEquals(b.Subject));
            case FactKind.Year:
                return shared >= 2 && shared * 2 >= smaller && !a.Values.Intersect(b.Values).Any();
            default:
                // Figures of the same kind (percent with percent, money with money) told of the same claim.
                return shared >= 3 && shared * 5 >= smaller * 3 && !a.Values.Intersect(b.Values).Any() && SameUnit(a.Values, b.Values);
        }
    }

    private static bool SameUnit(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Any(x => b.Any(y => Unit(x) == Unit(y)));

    private static char Unit(string figure) => figure.EndsWith('%') ? '%' : !char.IsDigit(figure[0]) ? '$' : 'x';

    private static bool PunctBetween(Sentence s, int i, int j)
    {
        int from = s.Words[i].End, to = s.Words[j].Start;
        for (int c = from; c < to; c++)
            if (s.Block.Text[c] is ',' or ';' or ':' or '(' or ')' or '\u2014' or '\u2013') return true;
        return false;
    }

    private static string Text(Sentence s, int from, int to) =>
        s.Block.Text.Substring(s.Words[from].Start, s.Words[to - 1].End - s.Words[from].Start);

    private static string Trim(string t)
    {
        t = string.Join(' ', t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return t.Length <= 90 ? t : t[..87].TrimEnd() + "...";
    }
}
