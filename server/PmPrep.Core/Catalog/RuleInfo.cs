namespace PmPrep.Core.Catalog;

public enum Severity { Error = 1, Warning = 2, Information = 3, Hint = 4 }

/// <summary>What a rule looks at: a sentence or a whole story, the story bank, a design answer or a PR/FAQ.</summary>
public enum RuleScope { Sentence, Story, Bank, Design, PrFaq }

/// <summary>A rule's data: id, default severity and the texts users read.</summary>
public sealed record RuleInfo(
    string Id, RuleScope Scope, Severity DefaultSeverity, string Title, string Message,
    string Why, string Weak, string Strong, string? FixTitle)
{
    public string DocsPath => $"docs/rules/{Id}.md";

    /// <summary>A short label for a finding folded into another's message ("also: filler"); defaults to the id in words.</summary>
    public string Short { get => _short ?? Id.Replace('-', ' '); init => _short = value; }
    private readonly string? _short;

    /// <summary>
    /// Titles of the rule's other fixes, by name (the `fixes:` map in rules.yaml): the choices a
    /// finding offers beside <see cref="FixTitle"/> ("mine", "other"...). Texts users read live in data.
    /// </summary>
    public IReadOnlyDictionary<string, string> FixTitles { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public static string SeverityName(Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Information => "information",
        _ => "hint",
    };

    public static Severity? ParseSeverity(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        "error" => Severity.Error,
        "warning" or "warn" => Severity.Warning,
        "information" or "info" => Severity.Information,
        "hint" => Severity.Hint,
        _ => null,
    };
}
