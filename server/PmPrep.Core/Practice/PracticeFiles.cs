namespace PmPrep.Core.Practice;

/// <summary>What a practice file is: a story (the default), a product-design answer or a PR/FAQ.</summary>
public enum PracticeKind { Story, Design, PrFaq }

/// <summary>
/// The one place that knows the practice files' names. The CLI's directory walk, the language
/// server's workspace and document dispatch and the VS Code client's selector all follow it:
/// <c>*.story.md</c> (a story, in the bank), <c>*.design.md</c> (a product-design answer) and
/// <c>*.prfaq.md</c> (a PR/FAQ). Design answers and PR/FAQs are checked on their own; they are
/// not stories and never join the story bank.
/// </summary>
public static class PracticeFiles
{
    public const string StorySuffix = ".story.md";
    public const string DesignSuffix = ".design.md";
    public const string PrFaqSuffix = ".prfaq.md";

    /// <summary>Glob patterns for a directory search, stories first.</summary>
    public static IReadOnlyList<string> Patterns { get; } = new[] { "*" + StorySuffix, "*" + DesignSuffix, "*" + PrFaqSuffix };

    /// <summary>The kind a path or URI names by its suffix, or null when it is no practice file.</summary>
    public static PracticeKind? KindOf(string? pathOrUri)
    {
        if (string.IsNullOrEmpty(pathOrUri)) return null;
        if (pathOrUri.EndsWith(StorySuffix, StringComparison.OrdinalIgnoreCase)) return PracticeKind.Story;
        if (pathOrUri.EndsWith(DesignSuffix, StringComparison.OrdinalIgnoreCase)) return PracticeKind.Design;
        if (pathOrUri.EndsWith(PrFaqSuffix, StringComparison.OrdinalIgnoreCase)) return PracticeKind.PrFaq;
        return null;
    }

    public static bool IsPracticeFile(string? pathOrUri) => KindOf(pathOrUri) is not null;

    public static string DisplayName(PracticeKind kind) => kind switch
    {
        PracticeKind.Design => "design answer",
        PracticeKind.PrFaq => "PR/FAQ",
        _ => "story",
    };
}
