namespace PmPrep.Core.Bank;

/// <summary>
/// Two stories that tell conflicting roles for the same work: where each says it (a role
/// statement, or the front matter's <c>role:</c> when neither sentence does) and the work's name.
/// </summary>
public sealed record RoleConflict(string Work, RoleMention A, RoleMention B);

/// <summary>A role as one story states it: the phrase, its level and its source range.</summary>
public sealed record RoleMention(RoleLevel Level, string Phrase, int Start, int End, bool FromFrontMatter);

/// <summary>
/// How alike two stories are: <see cref="Similarity"/> is the Jaccard index of their word-pair
/// shingles, <see cref="Overlap"/> the share of the shorter story's shingles found in the other,
/// <see cref="SharedFigures"/> the distinctive figures both tell ("$4.10", "31%") and
/// <see cref="FigureShare"/> their share of the story with fewer figures.
/// </summary>
public readonly record struct PairMeasure(double Similarity, double Overlap, int SharedFigures, double FigureShare, int SmallerShingles)
{
    /// <summary>What the duplicate-story message shows as "% alike": word pairs, or word pairs and figures together when that is higher.</summary>
    public double Likeness => Math.Max(Overlap, (Overlap + FigureShare) / 2);
}

/// <summary>A pair of stories the bank rules have something to say about.</summary>
public sealed record StoryPair(BankStory A, BankStory B, PairMeasure Measure, bool IsDuplicate, RoleConflict? Conflict)
{
    public double Similarity => Measure.Similarity;
    public double Overlap => Measure.Overlap;
}

/// <summary>The pairwise comparisons behind <c>role-inconsistency</c> and <c>duplicate-story</c>.</summary>
public static class StoryComparison
{
    /// <summary>
    /// Shingle Jaccard at or above which two stories tell "mostly the same anecdote". Chosen on the
    /// fixtures in tests/PmPrep.Core.Tests/BankFixtures/duplicates and the examples: different
    /// anecdotes from one candidate, even from the same job, the same project and the same
    /// vocabulary (search, ranking, A/B test, sellers), score at most 0.063; a retelling from memory
    /// compared with a copy retold for other principles scores 0.186 (a copy retold for another
    /// principle 0.46, a reworded retelling 0.26). 0.15 is more than twice the highest
    /// different-anecdote pair and still under those retellings.
    /// </summary>
    public const double DuplicateThreshold = 0.15;

    /// <summary>
    /// A second test for a short story whose anecdote is told again inside a long one (Jaccard is
    /// low because the long story has much else in it): at least this share of the shorter
    /// story's shingles found in the other (a pasted summary: 0.97; different anecdotes: at most
    /// 0.16), when the shorter story has at least <see cref="MinContainedShingles"/> shingles, so
    /// a three-line stub does not match on a couple of stock phrases.
    /// </summary>
    public const double ContainmentThreshold = 0.50;
    public const int MinContainedShingles = 25;

    /// <summary>
    /// A third test for a loose retelling, every sentence new but the same events: at least
    /// <see cref="MinSharedFigures"/> distinctive figures in common, making at least
    /// <see cref="FigureShareThreshold"/> of the figures of the story with fewer, and a little shared
    /// wording (<see cref="FigureFloorSimilarity"/>). On the fixtures a loose retelling of the
    /// returns pilot shares 10 of 10 figures at Jaccard 0.082; different anecdotes share at most 3
    /// figures, never more than a quarter of either story's.
    /// </summary>
    public const int MinSharedFigures = 4;
    public const double FigureShareThreshold = 0.6;
    public const double FigureFloorSimilarity = 0.03;

    public static PairMeasure Measure(StoryFacts a, StoryFacts b) => Measure(a.Fingerprint, b.Fingerprint, a.Fingerprint.Common(b.Fingerprint));

    internal static PairMeasure Measure(Fingerprint a, Fingerprint b, int commonShingles)
    {
        int na = a.Count, nb = b.Count;
        double sim = na == 0 || nb == 0 ? 0 : (double)commonShingles / (na + nb - commonShingles);
        double overlap = na == 0 || nb == 0 ? 0 : (double)commonShingles / Math.Min(na, nb);
        int figures = a.CommonNumbers(b);
        int fewer = Math.Min(a.NumberCount, b.NumberCount);
        return new PairMeasure(sim, overlap, figures, fewer == 0 ? 0 : (double)figures / fewer, Math.Min(na, nb));
    }

    public static bool IsDuplicate(PairMeasure m) =>
        m.Similarity >= DuplicateThreshold
        || (m.Overlap >= ContainmentThreshold && m.SmallerShingles >= MinContainedShingles)
        || (m.SharedFigures >= MinSharedFigures && m.FigureShare >= FigureShareThreshold && m.Similarity >= FigureFloorSimilarity);

    public static bool IsDuplicate(StoryFacts a, StoryFacts b) => IsDuplicate(Measure(a, b));

    /// <summary>
    /// Whether two stories could be duplicates if they shared <paramref name="mostShared"/> shingles
    /// (an upper bound): every test only gets easier with more shared shingles. Checks the two
    /// wording tests by arithmetic first and counts shared figures only when those fail.
    /// </summary>
    internal static bool CouldBeDuplicate(Fingerprint a, Fingerprint b, int mostShared)
    {
        int na = a.Count, nb = b.Count;
        if (na == 0 || nb == 0 || mostShared <= 0) return false;
        double sim = (double)mostShared / (na + nb - mostShared);
        if (sim >= DuplicateThreshold) return true;
        int smaller = Math.Min(na, nb);
        if ((double)mostShared / smaller >= ContainmentThreshold && smaller >= MinContainedShingles) return true;
        if (sim < FigureFloorSimilarity || a.NumberCount < MinSharedFigures || b.NumberCount < MinSharedFigures) return false;
        return IsDuplicate(Measure(a, b, mostShared));
    }

    /// <summary>
    /// The role conflict between two stories, or null. Conservative: the stories must be about the
    /// same work, by the same <c>project:</c> (or one project's words contained in the other's,
    /// when at least two words), or, without a shared project, by naming the same work in both
    /// role statements ("Project Atlas"). Two different <c>project:</c> values never conflict.
    /// </summary>
    public static RoleConflict? Conflict(StoryFacts a, StoryFacts b)
    {
        if (a.Claims.Count == 0 && b.Claims.Count == 0 && (a.RoleValueLevel == RoleLevel.None || b.RoleValueLevel == RoleLevel.None))
            return null;
        if (a.ProjectKey is not null && b.ProjectKey is not null)
        {
            if (!SameProject(a.ProjectWords, b.ProjectWords)) return null;
            var words = a.ProjectWords.Count <= b.ProjectWords.Count ? a.ProjectWords : b.ProjectWords;
            string work = a.ProjectWords.Count <= b.ProjectWords.Count ? a.Project! : b.Project!;
            foreach (var ca in a.Claims)
                foreach (var cb in b.Claims)
                {
                    if (ca.Level == cb.Level) continue;
                    if ((MentionsAll(ca, words) && MentionsAll(cb, words)) || SameWork(ca, cb))
                        return new RoleConflict(work, Mention(ca), Mention(cb));
                }
            // No sentence conflict: fall back to what each story says of the project as a whole.
            var sa = Stance(a, words); var sb = Stance(b, words);
            if (sa is not null && sb is not null && sa.Level != sb.Level && (sa.FromFrontMatter || sb.FromFrontMatter))
                return new RoleConflict(work, sa, sb);
            return null;
        }

        // At most one story names a project: the other must name it in a role statement.
        if (a.ProjectKey is not null || b.ProjectKey is not null)
        {
            bool aHas = a.ProjectKey is not null;
            var owner = aHas ? a : b; var other = aHas ? b : a;
            var ownerStance = Stance(owner, owner.ProjectWords);
            if (ownerStance is null) return null;
            foreach (var c in other.Claims)
            {
                if (c.Level == ownerStance.Level) continue;
                bool named = owner.ProjectWords.Count >= 2
                    || c.Names.Any(n => string.Equals(n, owner.Project, StringComparison.OrdinalIgnoreCase)
                                        || StoryFacts.ProjectStems(n).SetEquals(owner.ProjectWords));
                if (named && MentionsAll(c, owner.ProjectWords))
                    return aHas ? new RoleConflict(owner.Project!, ownerStance, Mention(c)) : new RoleConflict(owner.Project!, Mention(c), ownerStance);
            }
            return null;
        }

        // Neither names a project: only the same capitalised name in both role statements counts.
        foreach (var ca in a.Claims)
            foreach (var cb in b.Claims)
            {
                if (ca.Level == cb.Level) continue;
                foreach (var name in ca.Names)
                {
                    if (!cb.Names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) || !IsWorkName(name)) continue;
                    var nameWords = StoryFacts.ProjectStems(name);
                    var restA = ca.Object.Except(nameWords).ToHashSet();
                    var restB = cb.Object.Except(nameWords).ToHashSet();
                    if (restA.Count == 0 || restB.Count == 0 || restA.Overlaps(restB))
                        return new RoleConflict(name, Mention(ca), Mention(cb));
                }
            }
        return null;
    }

    internal static bool SameProject(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.SetEquals(b)) return a.Count > 0;
        var (small, big) = a.Count <= b.Count ? (a, b) : (b, a);
        return small.Count >= 2 && small.IsSubsetOf(big);
    }

    private static bool MentionsAll(RoleClaim c, IReadOnlySet<string> words) => words.Count > 0 && words.All(c.Object.Contains);

    // Two statements about the same piece of work inside one project: they share at least two
    // content words, and those are at least half of the shorter statement's.
    private static bool SameWork(RoleClaim a, RoleClaim b)
    {
        int shared = a.Object.Count(b.Object.Contains);
        return shared >= 2 && shared * 2 >= Math.Min(a.Object.Count, b.Object.Count);
    }

    /// <summary>What a story says of its role in the whole project: a statement naming the project, else its <c>role:</c>.</summary>
    private static RoleMention? Stance(StoryFacts f, IReadOnlySet<string> projectWords)
    {
        foreach (var c in f.Claims)
            if (MentionsAll(c, projectWords)) return Mention(c);
        if (f.RoleValueLevel != RoleLevel.None)
            return new RoleMention(f.RoleValueLevel, "role: " + f.RoleValue, f.RoleValueSpan.Start, f.RoleValueSpan.End, true);
        return null;
    }

    private static RoleMention Mention(RoleClaim c) => new(c.Level, c.Phrase, c.Start, c.End, false);

    private static readonly HashSet<string> NotWorkNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "q1", "q2", "q3", "q4", "h1", "h2", "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "vp", "ceo", "cto", "svp",
        "director", "engineering", "finance", "legal", "marketing", "sales", "ops", "operations", "product", "design", "support",
        "customer", "customers", "ux", "pm", "pms", "my", "the", "our",
    };

    private static bool IsWorkName(string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => !NotWorkNames.Contains(w) && w.Length > 1);
}
