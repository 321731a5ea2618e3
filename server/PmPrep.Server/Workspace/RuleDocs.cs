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

    /// <summary>The embedded pages' rule ids.</summary>
    public static IEnumerable<string> Ids() =>
        typeof(RuleDocs).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("rules/", StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Select(n => n["rules/".Length..^".md".Length]).Order(StringComparer.Ordinal);

    private static readonly Lazy<string?> Cached = new(() => Materialize(CacheRoot()));

    /// <summary>
    /// A file URI (ending in '/') of a folder holding every rule page, for links from any install
    /// (LSP <c>codeDescription.href</c>, SARIF <c>helpUri</c>): the embedded pages, written once per
    /// version into the per-user cache (<c>$XDG_CACHE_HOME/pmprep/rules/VERSION/</c>, else
    /// <c>~/.cache/...</c>). Null when that folder cannot be written.
    /// </summary>
    public static string? CacheBaseUri() => Cached.Value;

    /// <summary>The per-user cache folder, or null when neither XDG_CACHE_HOME nor a home folder is known.</summary>
    internal static string? CacheRoot()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathFullyQualified(xdg)) return xdg;
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache");
    }

    /// <summary>
    /// Writes the pages into <c>CACHE/pmprep/rules/VERSION/</c> through <see cref="IO.SafeWrite"/>
    /// and returns that folder's file URI. Never follows a link: a symlinked folder on the way, or a
    /// page that is a symlink, makes it give up (null) rather than write where the link points. A
    /// page already there with the same bytes is left alone.
    /// </summary>
    internal static string? Materialize(string? cacheRoot)
    {
        if (cacheRoot is null) return null;
        try
        {
            string dir = cacheRoot;
            foreach (var part in new[] { "pmprep", "rules", ProductInfo.Version })
            {
                dir = Path.Combine(dir, part);
                var info = new DirectoryInfo(dir);
                if (info.Exists && info.LinkTarget is not null) return null;
                if (!info.Exists) Directory.CreateDirectory(dir);
                if (new DirectoryInfo(dir).LinkTarget is not null) return null;
            }
            foreach (var id in Ids())
            {
                if (Page(id) is not { } page) continue;   // a resource that is not a rule page (README)
                string path = Path.Combine(dir, id + ".md");
                var bytes = System.Text.Encoding.UTF8.GetBytes(page);
                var file = new FileInfo(path);
                if (file.LinkTarget is not null) return null;
                if (file.Exists && file.Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) continue;
                // A new page starts empty, created exclusively (O_EXCL fails on a planted link), then SafeWrite fills it.
                if (!file.Exists) new FileStream(path, FileMode.CreateNew, FileAccess.Write).Dispose();
                if (!IO.SafeWrite.Replace(path, bytes).Ok) return null;
            }
            return new Uri(dir + Path.DirectorySeparatorChar).AbsoluteUri;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
