using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Catalog;

namespace PmPrep.Core.Drill;

/// <summary>A drill question and the sentence that prompted it (quoted, with its source range).</summary>
public sealed record DrillQuestion(DrillKind Kind, string Question, string Reason, string Quote, int Start, int End);

/// <summary>
/// The bar-raiser drill for one story: three to five follow-ups chosen from what the story lacks or
/// asserts (a decision with no alternative, a result with no control, a short test window, a
/// threshold, a team as the actor; then a missing because, a vague result, a role or fact that
/// another story tells differently), at most one per kind, always ending with the scale question.
/// Each question quotes its sentence. Pure: story analysis (and bank findings) in, questions out.
/// </summary>
public static class DrillSheet
{
    public const int MaxQuestions = 5;
    public const int MinQuestions = 3;

    private sealed record Probe(DrillKind Kind, string Question, string Reason);

    private static readonly Lazy<IReadOnlyList<Probe>> Probes = new(() => Load(EngineData.ReadResource("probes.yaml")));

    /// <summary>The reader the drill uses unless one is passed: decisions and actors from the clause layer.</summary>
    public static IStoryReader DefaultReader => ClauseDrillReader.Instance;

    public static IReadOnlyList<DrillQuestion> For(StoryAnalysis story, IEnumerable<Diagnostic>? bankFindings = null, IStoryReader? reader = null)
    {
        ArgumentNullException.ThrowIfNull(story);
        var cues = (reader ?? DefaultReader).Read(story, bankFindings);
        var result = new List<DrillQuestion>(MaxQuestions);
        var quoted = new HashSet<int>();
        foreach (var probe in Probes.Value.Where(p => p.Kind is not (DrillKind.Scale or DrillKind.General)))
        {
            if (result.Count >= MaxQuestions - 1) break;
            // The first sentence of this kind not already quoted by an earlier question.
            var cue = cues.FirstOrDefault(c => c.Kind == probe.Kind && !quoted.Contains(c.Start)) ?? cues.FirstOrDefault(c => c.Kind == probe.Kind);
            if (cue is null) continue;
            quoted.Add(cue.Start);
            result.Add(new DrillQuestion(probe.Kind, probe.Question, probe.Reason, Quote(cue.Text), cue.Start, cue.End));
        }
        var scale = Probes.Value.First(p => p.Kind == DrillKind.Scale);
        var anchor = ScaleAnchor(story);
        // Too few specific questions: fill from the general probe bank, tied to the story's decision sentence.
        if (result.Count + 1 < MinQuestions)
            foreach (var f in BarRaiser.FollowUps(story, bankFindings, MinQuestions + 2))
            {
                if (result.Count + 1 >= MinQuestions) break;
                if (result.Any(q => q.Question == f.Question) || f.Question == scale.Question) continue;
                var at = SourceOf(story, f) ?? anchor;
                result.Add(new DrillQuestion(DrillKind.General, f.Question, f.Reason.TrimEnd('.'), at.Quote, at.Start, at.End));
            }
        result.Add(new DrillQuestion(DrillKind.Scale, scale.Question, scale.Reason, anchor.Quote, anchor.Start, anchor.End));
        return result;
    }

    /// <summary>
    /// The sentence behind a general follow-up: the strongest evidence for its principle, or the
    /// first finding of its rule; null when neither is in the story.
    /// </summary>
    private static (string Quote, int Start, int End)? SourceOf(StoryAnalysis story, FollowUp f)
    {
        int? at = null;
        if (f.Principle is { } p && story.Evidence.FirstOrDefault(e => e.Principle == p) is { } ev) at = ev.Strongest.Start;
        else if (f.RuleId is { } rule && story.Diagnostics.FirstOrDefault(d => d.RuleId == rule) is { } d) at = d.Start;
        if (at is null || DetectorReader.SentenceAt(story.Document, at.Value) is not { } s) return null;
        return (Quote(s.Text), s.SourceStart, s.SourceEnd);
    }

    /// <summary>The sentence the scale question is asked of: the first data-citing sentence of the Decision part, else its first sentence, else the first sentence with a number, else the title.</summary>
    private static (string Quote, int Start, int End) ScaleAnchor(StoryAnalysis story)
    {
        var doc = story.Document;
        var decision = doc.FindPart(Model.PartKind.Decision)?.Sentences ?? new List<Model.Sentence>();
        var s = decision.FirstOrDefault(x => x.Words.Any(w => w.Kind == Model.TokenKind.Number)) ?? decision.FirstOrDefault()
                ?? doc.Sentences.FirstOrDefault(x => x.Words.Any(w => w.Kind == Model.TokenKind.Number)) ?? doc.Sentences.FirstOrDefault();
        if (s is not null) return (Quote(s.Text), s.SourceStart, s.SourceEnd);
        var (ts, te) = Rules.StoryAnchor.Title(doc);
        return (Quote(doc.Text[ts..te].TrimStart('#', ' ')), ts, te);
    }

    internal static string Quote(string s)
    {
        s = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return s.Length <= 140 ? s : s[..137].TrimEnd() + "...";
    }

    /// <summary>The questions as a Markdown block for the title hover: each question, then the quoted sentence and why it was asked.</summary>
    public static string Markdown(IReadOnlyList<DrillQuestion> questions)
    {
        var sb = new System.Text.StringBuilder("**A bar raiser will likely ask**\n");
        for (int i = 0; i < questions.Count; i++)
            sb.Append('\n').Append(i + 1).Append(". ").Append(Escape(questions[i].Question))
              .Append(" *(").Append(Escape(questions[i].Reason)).Append(": \u201C").Append(Escape(questions[i].Quote)).Append("\u201D)*");
        return sb.ToString();
    }

    /// <summary>
    /// The practice sheet for <c>pmprep drill</c>: plain text, one story per page (pages separated by
    /// a form feed), each question followed by the sentence that prompted it and the reason.
    /// </summary>
    public static void WriteSheet(TextWriter o, IReadOnlyList<(string Path, StoryAnalysis Story, IReadOnlyList<DrillQuestion> Questions)> pages)
    {
        for (int p = 0; p < pages.Count; p++)
        {
            var (path, story, questions) = pages[p];
            if (p > 0) o.Write("\f\n");
            string title = story.Document.Title ?? path;
            o.WriteLine($"Bar-raiser drill {p + 1}/{pages.Count}: {title}");
            o.WriteLine($"{path} · {story.Minutes.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} min spoken");
            o.WriteLine(new string('=', Math.Min(78, Math.Max(20, title.Length + 22))));
            o.WriteLine();
            for (int i = 0; i < questions.Count; i++)
            {
                var q = questions[i];
                int line = story.Document.Lines.LineOf(q.Start) + 1;
                o.WriteLine($"{i + 1}. {q.Question}");
                o.WriteLine($"   prompted by (line {line}): \"{q.Quote}\"");
                o.WriteLine($"   why: {q.Reason}");
                o.WriteLine("   your answer: ____________________________________________________________");
                o.WriteLine();
            }
        }
    }

    private static string Escape(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length + 8);
        foreach (char c in s)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '!' or '(' or ')') sb.Append('\\');
            sb.Append(c is '\n' or '\r' ? ' ' : c);
        }
        return sb.ToString();
    }

    private static IReadOnlyList<Probe> Load(string yaml)
    {
        var root = Yaml.LoadMapping(yaml) ?? throw new InvalidOperationException("probes.yaml is empty");
        var list = new List<Probe>();
        foreach (var m in Yaml.Maps(root.Get("drill")))
        {
            string kind = m.Str("kind") ?? throw new InvalidOperationException("a drill entry in probes.yaml has no kind");
            var k = Enum.GetValues<DrillKind>().FirstOrDefault(v => KindName(v) == kind, (DrillKind)(-1));
            if ((int)k < 0) throw new InvalidOperationException($"unknown drill kind \"{kind}\" in probes.yaml");
            list.Add(new Probe(k, m.Str("question") ?? throw new InvalidOperationException($"drill {kind} has no question"), m.Str("reason") ?? kind));
        }
        if (!list.Any(p => p.Kind == DrillKind.Scale)) throw new InvalidOperationException("probes.yaml has no scale question");
        return list;
    }

    /// <summary>"decision-without-alternative" for <see cref="DrillKind.DecisionWithoutAlternative"/>.</summary>
    public static string KindName(DrillKind k)
    {
        var name = k.ToString();
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
