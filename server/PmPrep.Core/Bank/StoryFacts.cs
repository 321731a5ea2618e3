using System.Runtime.CompilerServices;
using PmPrep.Core.Analysis;
using PmPrep.Core.Model;

namespace PmPrep.Core.Bank;

/// <summary>
/// What the bank rules need from one story, computed once per <see cref="StoryAnalysis"/> and
/// cached with it: the project it is about, its role statements and its shingle fingerprint.
/// </summary>
public sealed class StoryFacts
{
    private static readonly ConditionalWeakTable<StoryAnalysis, StoryFacts> Cache = new();

    private StoryFacts(StoryAnalysis a)
    {
        var doc = a.Document;
        var fm = doc.FrontMatter;
        if (fm?.Project is { } p && !string.IsNullOrWhiteSpace(p.Value))
        {
            Project = p.Value.Trim();
            ProjectWords = ProjectStems(p.Value);
            ProjectKey = string.Join(' ', ProjectWords.Order(StringComparer.Ordinal));
            if (ProjectKey.Length == 0) ProjectKey = null;
        }
        if (fm?.Role is { } r)
        {
            RoleValue = r.Value;
            RoleValueLevel = RoleClaims.OfRoleValue(r.Value);
            RoleValueSpan = (r.SourceStart, r.SourceEnd);
        }
        Claims = RoleClaims.Find(doc);
        Fingerprint = Fingerprint.Of(doc);
        TitleSpan = Rules.StoryAnchor.Title(doc);
    }

    public static StoryFacts Of(StoryAnalysis analysis) => Cache.GetValue(analysis, a => new StoryFacts(a));

    /// <summary>The front matter's <c>project:</c> as written, or null.</summary>
    public string? Project { get; }
    /// <summary>The project's content-word stems; two stories with the same key are about the same project.</summary>
    public string? ProjectKey { get; }
    public IReadOnlySet<string> ProjectWords { get; } = new HashSet<string>();
    public string? RoleValue { get; }
    public RoleLevel RoleValueLevel { get; }
    public (int Start, int End) RoleValueSpan { get; }
    public IReadOnlyList<RoleClaim> Claims { get; }
    public Fingerprint Fingerprint { get; }
    public (int Start, int End) TitleSpan { get; }
    /// <summary>True when the story says anything about the candidate's role (a role statement or a lead/support <c>role:</c>).</summary>
    public bool StatesRole => Claims.Count > 0 || RoleValueLevel != RoleLevel.None;

    internal static HashSet<string> ProjectStems(string name)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in Tokenizer.Tokenize(name, 0, name.Length))
        {
            if (t.Kind == TokenKind.Punct) continue;
            if (t.Lower is "project" or "program" or "programme" or "initiative") continue;
            if (Fingerprint.ContentStem(t) is { } stem) words.Add(stem);
        }
        return words;
    }
}
