using PmPrep.Core.Analysis;
using PmPrep.Core.Catalog;
using YamlDotNet.RepresentationModel;

namespace PmPrep.Core.Bank;

/// <summary>
/// A question a bar raiser is likely to ask about a story, and why: the principle it probes (when
/// it comes from a principle's follow-ups) or the rule whose finding prompted it.
/// </summary>
public sealed record FollowUp(string Question, string Reason, Principle? Principle = null, string? RuleId = null);

/// <summary>
/// Bar-raiser preparation: for one story, the follow-up questions it is most likely to draw given
/// its gaps. Questions come from the domain reference: each principle's follow-ups
/// (principles.yaml) and the general probe bank (probes.yaml). Pure: story analysis (and the
/// bank's findings on it, if any) in, questions out.
/// </summary>
public static class BarRaiser
{
    private sealed record Probe(string Id, string Question, IReadOnlyList<string> Rules, bool Fallback);

    private static readonly Lazy<IReadOnlyList<Probe>> Probes = new(() => LoadProbes(EngineData.ReadResource("probes.yaml")));

    /// <summary>At most two questions come from claimed-but-unevidenced principles, so the story's other gaps get a question too.</summary>
    private const int MaxUnsupported = 2;

    /// <summary>
    /// The <paramref name="count"/> questions (default three) a bar raiser is most likely to ask:
    /// follow-ups of principles the story claims without evidence; then probes prompted by its
    /// findings (ownership hidden, decision without a because, metric without a baseline, no
    /// pushback, no reflection, a duplicate or thin story); then a follow-up for its most thinly
    /// evidenced claimed principle; then general probes. Never repeats a question.
    /// </summary>
    public static IReadOnlyList<FollowUp> FollowUps(StoryAnalysis story, IEnumerable<Analysis.Diagnostic>? bankFindings = null, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(story);
        var result = new List<FollowUp>(count);
        var asked = new HashSet<string>(StringComparer.Ordinal);
        bool Add(FollowUp f)
        {
            if (result.Count >= count || !asked.Add(f.Question)) return false;
            result.Add(f);
            return true;
        }

        var claimed = story.ClaimedPrinciples.ToList();
        var evidence = story.Evidence.ToDictionary(e => e.Principle);
        var unsupported = claimed.Where(p => !evidence.ContainsKey(p)).ToList();
        foreach (var p in unsupported.Take(MaxUnsupported))
            if (p.FollowUps.Count > 0)
                Add(new FollowUp(p.FollowUps[0], $"You claim {p.Name}, but no sentence shows it.", p));

        // Findings, story and bank, in the probes' order of importance.
        var findings = story.Diagnostics.Concat(story.Folded).Select(d => (d.RuleId, Phrase: d.Phrase ?? Excerpt(story, d.Start, d.End)))
            .Concat((bankFindings ?? Enumerable.Empty<Diagnostic>()).Select(d => (d.RuleId, Phrase: d.Phrase ?? Excerpt(story, d.Start, d.End))))
            .ToList();
        foreach (var probe in Probes.Value.Where(p => !p.Fallback))
        {
            foreach (var rule in probe.Rules)
            {
                var hit = findings.FirstOrDefault(f => f.RuleId == rule);
                if (hit.RuleId is null) continue;
                Add(new FollowUp(probe.Question, ReasonFor(rule, hit.Phrase), null, rule));
                break;
            }
        }

        foreach (var p in unsupported.Skip(MaxUnsupported))
            if (p.FollowUps.Count > 0)
                Add(new FollowUp(p.FollowUps[0], $"You claim {p.Name}, but no sentence shows it.", p));

        // Claimed principles from the least evidence up: the first follow-up not yet asked.
        bool first = true;
        foreach (var p in claimed.Where(evidence.ContainsKey).OrderBy(p => evidence[p].Signals).ThenBy(p => p.Order))
        {
            if (result.Count >= count) break;
            var ev = evidence[p];
            string reason = ev.Signals == 1 ? $"{p.Name} rests on one signal: \"{Trim(ev.Strongest.Text)}\"."
                : first ? $"{p.Name} is this story's most thinly evidenced claim ({ev.Signals} signals): expect the probe here."
                : $"{p.Name} ({ev.Signals} signals): whoever is assigned it will push for depth.";
            foreach (var q in p.FollowUps)
                if (Add(new FollowUp(q, reason, p))) { first = false; break; }
        }

        foreach (var probe in Probes.Value.Where(p => p.Fallback))
            Add(new FollowUp(probe.Question, "Asked of almost every story: have a crisp answer ready.", null, null));
        return result;
    }

    /// <summary>
    /// The follow-ups as a Markdown block for a hover (the title hover in the editor): a heading
    /// line and a numbered list, each question with its reason in italics. Story text in the
    /// reasons is escaped so it cannot add links, HTML or formatting.
    /// </summary>
    public static string Markdown(IReadOnlyList<FollowUp> followUps)
    {
        var sb = new System.Text.StringBuilder("**A bar raiser will likely ask**\n");
        for (int i = 0; i < followUps.Count; i++)
            sb.Append('\n').Append(i + 1).Append(". ").Append(EscapeMarkdown(followUps[i].Question))
              .Append(" *(").Append(EscapeMarkdown(followUps[i].Reason)).Append(")*");
        return sb.ToString();
    }

    private static string EscapeMarkdown(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length + 8);
        foreach (char c in s)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '!' or '(' or ')') sb.Append('\\');
            sb.Append(c is '\n' or '\r' ? ' ' : c);
        }
        return sb.ToString();
    }

    private static string ReasonFor(string ruleId, string? phrase)
    {
        string title = EngineData.Default.RulesById.TryGetValue(ruleId, out var info) ? info.Title : ruleId;
        return string.IsNullOrWhiteSpace(phrase) ? title + "." : $"{title}: \"{Trim(phrase)}\".";
    }

    private static string? Excerpt(StoryAnalysis story, int start, int end)
    {
        var text = story.Document.Text;
        if (end <= start || start < 0 || end > text.Length || end - start > 200) return null;
        return text[start..end];
    }

    private static string Trim(string s)
    {
        s = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return s.Length <= 70 ? s : s[..67].TrimEnd() + "...";
    }

    private static IReadOnlyList<Probe> LoadProbes(string yaml)
    {
        var root = Yaml.LoadMapping(yaml) ?? throw new InvalidOperationException("probes.yaml is empty");
        var list = new List<Probe>();
        foreach (var m in Yaml.Maps(root.Get("probes")))
        {
            string id = m.Str("id") ?? throw new InvalidOperationException("a probe in probes.yaml has no id");
            string q = m.Str("question") ?? throw new InvalidOperationException($"probe {id} has no question");
            list.Add(new Probe(id, q, Yaml.Strings(m.Get("rules")), m.Bool("fallback")));
        }
        return list;
    }
}
