namespace PmPrep.Server.Workspace;

/// <summary>
/// The rule pages (docs/rules/ID.md), embedded in the binary at build time, so every install has
/// them: `pmprep rules ID` prints one and SARIF carries it as the rule's help.
/// </summary>
public static class RuleDocs
{
    /// <summary>The page's Markdown, or null when there is no page for <paramref name="ruleId"/>.</summary>
    public static string? Page(string ruleId)
    {
        if (ruleId.Length == 0 || ruleId.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))) return null;
        using var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream("rules/" + ruleId + ".md");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
