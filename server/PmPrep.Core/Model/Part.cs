namespace PmPrep.Core.Model;

public enum PartKind { Preamble, Context, Decision, Impact, Reflection, Other, Whole }

/// <summary>A part of a story: the prose under one level-2 heading (or the whole story when it has none).</summary>
public sealed class Part
{
    internal Part(PartKind kind, string name, ProseBlock? heading, int sourceStart)
    {
        Kind = kind; Name = name; Heading = heading; SourceStart = sourceStart; SourceEnd = sourceStart;
    }

    public PartKind Kind { get; }
    /// <summary>The heading text as written ("What I did"), or "Story" for a story with no headings.</summary>
    public string Name { get; }
    public ProseBlock? Heading { get; }
    public int SourceStart { get; }
    public int SourceEnd { get; internal set; }
    public List<Sentence> Sentences { get; } = new();
    public int Words { get; internal set; }
    /// <summary>
    /// True when the story has no headings and this part was inferred from the content (the first
    /// decision starts Decision, the first outcome after it Impact, the first reflection cue Reflection).
    /// </summary>
    public bool Inferred { get; internal init; }

    public static PartKind KindOf(string heading)
    {
        var key = Normalize(heading);
        return key switch
        {
            "context" or "situation" or "task" or "background" or "problem" or "situation and task" or "the situation" or "the problem" => PartKind.Context,
            "decision" or "action" or "actions" or "approach" or "what i did" or "decisions" or "the decision" => PartKind.Decision,
            "impact" or "result" or "results" or "outcome" or "outcomes" or "the result" or "the impact" => PartKind.Impact,
            "reflection" or "learning" or "learnings" or "lessons" or "lessons learned" or "lessons learnt" or "looking back"
                or "what i d do differently" or "what i would do differently" => PartKind.Reflection,
            _ => PartKind.Other,
        };
    }

    internal static string Normalize(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s.Trim())
        {
            if (char.IsLetterOrDigit(c)) { if (space && sb.Length > 0) sb.Append(' '); sb.Append(char.ToLowerInvariant(c)); space = false; }
            else space = true;
        }
        return sb.ToString();
    }
}
