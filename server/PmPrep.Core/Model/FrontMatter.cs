namespace PmPrep.Core.Model;

/// <summary>A scalar value from the front matter with the source range it was written at.</summary>
public sealed record FrontMatterValue(string Value, int SourceStart, int SourceEnd);

public sealed class FrontMatter
{
    /// <summary>Offsets of the whole block, from the opening "---" to the end of the closing line.</summary>
    public int SourceStart { get; init; }
    public int SourceEnd { get; init; }
    /// <summary>Offset where the YAML text starts (the line after "---").</summary>
    public int YamlStart { get; init; }
    public int YamlEnd { get; init; }

    public FrontMatterValue? Title { get; internal set; }
    public FrontMatterValue? Project { get; internal set; }
    public FrontMatterValue? Role { get; internal set; }
    public FrontMatterValue? Question { get; internal set; }
    /// <summary>The `lps:` entries as written, or null when the key is absent.</summary>
    public List<FrontMatterValue>? Lps { get; internal set; }
    /// <summary>Range of the `lps` key and its value, for findings about the list as a whole.</summary>
    public (int Start, int End)? LpsKeySpan { get; internal set; }
    public Dictionary<string, FrontMatterValue> Other { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Set when the YAML does not parse: the parser's reason and the source offset of the error.</summary>
    public string? Error { get; internal set; }
    public int ErrorOffset { get; internal set; }
}
