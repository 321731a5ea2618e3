using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;
using PmPrep.Core.Config;
using PmPrep.Core.Model;
using PmPrep.Core.Reading;
using PmPrep.Core.Signals;
using PmPrep.Core.Text;

namespace PmPrep.Core.Rules;

/// <summary>What a rule sees: the story, settings, compiled phrase lists and LP signals; and where it reports.</summary>
public sealed class RuleContext
{
    private readonly List<Diagnostic> _diagnostics;

    internal RuleContext(StoryDocument doc, PmPrepSettings settings, Lexicon lexicon, StoryReading reading, IReadOnlyList<LpSignal> signals,
        IReadOnlyList<(FrontMatterValue Value, Principle? Principle)> claims, List<Diagnostic> sink, DecisionCount? decisions = null)
    {
        Document = doc; Settings = settings; Lexicon = lexicon; Reading = reading; Signals = signals; Claims = claims; _diagnostics = sink;
        Decisions = decisions ?? Analysis.Decisions.Count(doc, reading, lexicon);
    }

    /// <summary>The story's decisions by owner (the count no-own-decision and the title code lens show).</summary>
    public DecisionCount Decisions { get; }

    /// <summary>Every sentence's clauses: who acted, what they did, why.</summary>
    public StoryReading Reading { get; }

    public StoryDocument Document { get; }
    public PmPrepSettings Settings { get; }
    public Lexicon Lexicon { get; }
    public IReadOnlyList<LpSignal> Signals { get; }
    /// <summary>The front-matter `lps` entries and the principle each resolves to (null: unknown).</summary>
    public IReadOnlyList<(FrontMatterValue Value, Principle? Principle)> Claims { get; }
    public EngineData Data => Lexicon.Data;

    public double Minutes => Document.Words / Settings.WordsPerMinute;

    /// <summary>Reports a finding unless the rule is off or suppressed at that line.</summary>
    public void Report(string ruleId, int start, int end, IReadOnlyDictionary<string, string>? args = null,
        IReadOnlyList<Fix>? fixes = null, string? phrase = null, Severity? escalateTo = null)
    {
        if (!Settings.IsEnabled(ruleId)) return;
        var info = Data.Rule(ruleId);
        start = Math.Clamp(start, 0, Document.Text.Length);
        end = Math.Clamp(end, start, Document.Text.Length);
        var range = Document.RangeOf(start, end);
        if (Document.Suppressions.IsSuppressed(ruleId, range.Start.Line)) return;
        var message = Fill(info.Message, args);
        var severity = Settings.SeverityOf(info);
        // A rule may raise its own default (story-too-long past the limit), never a severity the user chose.
        if (escalateTo is { } up && !Settings.RuleSeverities.ContainsKey(ruleId) && up < severity) severity = up;
        _diagnostics.Add(new Diagnostic(ruleId, severity, message, start, end, range)
        {
            Fixes = fixes ?? Array.Empty<Fix>(),
            Phrase = phrase,
        });
    }

    public string FixTitle(string ruleId, IReadOnlyDictionary<string, string>? args = null) =>
        Fill(Data.Rule(ruleId).FixTitle ?? ruleId, args);

    /// <summary>The title of a rule's named fix (rules.yaml `fixes:`), filled with <paramref name="args"/>.</summary>
    public string FixTitle(string ruleId, string name, IReadOnlyDictionary<string, string>? args = null) =>
        FixTitleOf(Data, ruleId, name, args);

    internal static string FixTitleOf(EngineData data, string ruleId, string name, IReadOnlyDictionary<string, string>? args = null) =>
        Fill(data.Rule(ruleId).FixTitles.TryGetValue(name, out var t) ? t : data.Rule(ruleId).FixTitle ?? ruleId, args);

    internal static string Fill(string template, IReadOnlyDictionary<string, string>? args)
    {
        if (args is null || args.Count == 0 || !template.Contains('{')) return template;
        var sb = new System.Text.StringBuilder(template.Length + 32);
        int i = 0;
        while (i < template.Length)
        {
            int open = template.IndexOf('{', i);
            if (open < 0) { sb.Append(template, i, template.Length - i); break; }
            int close = template.IndexOf('}', open);
            if (close < 0) { sb.Append(template, i, template.Length - i); break; }
            sb.Append(template, i, open - i);
            string key = template.Substring(open + 1, close - open - 1);
            sb.Append(args.TryGetValue(key, out var v) ? v : template.Substring(open, close - open + 1));
            i = close + 1;
        }
        return sb.ToString();
    }

    // ---- helpers over sentences -------------------------------------------------------------

    /// <summary>Source span of words [first, end) of a sentence.</summary>
    public static (int Start, int End) WordSpan(Sentence s, int first, int end) => SignalDetector.Span(s, first, end);

    /// <summary>The prose text of words [first, end), as the user wrote it (markup removed).</summary>
    public static string WordText(Sentence s, int first, int end) =>
        s.Block.Text.Substring(s.Words[first].Start, s.Words[end - 1].End - s.Words[first].Start);

    /// <summary>
    /// A text edit for the prose range [proseStart, proseEnd) of a sentence's block, or null when
    /// that range is not the same characters in the source (markup, an entity or a line break in between).
    /// </summary>
    public static TextEdit? Edit(Sentence s, int proseStart, int proseEnd, string newText)
    {
        var b = s.Block;
        if (b.TouchesLink(proseStart, proseEnd)) return null;
        if (proseStart == proseEnd)
        {
            // Appending at the block's end lands after any closing "**" or "](url)", not inside them;
            // a point inside an entity or an escape has no clean source position: no edit.
            int at = b.InsertionPoint(proseStart);
            return at < 0 ? null : new TextEdit(at, 0, newText);
        }
        if (!b.IsContiguous(proseStart, proseEnd)) return null;
        int start = b.ToSource(proseStart);
        return new TextEdit(start, b.ToSourceEnd(proseEnd) - start, newText);
    }

    /// <summary>Index of the first word token at or after prose offset <paramref name="proseOffset"/>.</summary>
    public static int WordIndexAt(Sentence s, int proseOffset)
    {
        for (int i = 0; i < s.Words.Length; i++) if (s.Words[i].Start >= proseOffset) return i;
        return s.Words.Length;
    }

    /// <summary>Prose offset where a sentence's final punctuation starts (or its end when it has none).</summary>
    public static int EndBeforeFinalPunctuation(Sentence s)
    {
        int k = s.Tokens.Length - 1;
        while (k >= 0 && s.Tokens[k].Kind == TokenKind.Punct && s.Tokens[k].Text is "." or "!" or "?" or "\"" or "\u201D" or ")" or "\u2026") k--;
        return k >= 0 ? s.Tokens[k].End : s.Start;
    }
}
