namespace PmPrep.Server.IO;

/// <summary>A file a walk passed over, and why (for a note on stderr or in the log).</summary>
public readonly record struct SkippedFile(string Path, string Reason);

/// <summary>
/// Directory walks for the CLI and the server: files whose name ends with a suffix, in a stable
/// order (files of a folder sorted, then its subfolders sorted). Like ripgrep's defaults:
/// <list type="bullet">
/// <item>symlinked directories are not entered (no loops, no escaping the root);</item>
/// <item>a symlinked file is taken only when its target resolves inside the walked root and is a
/// regular file;</item>
/// <item>FIFOs, devices and sockets are skipped, never opened.</item>
/// </list>
/// </summary>
public static class DirectoryWalk
{
    /// <summary>Folders no walk enters: tool and build output.</summary>
    public static readonly IReadOnlySet<string> DefaultSkippedDirs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    { ".git", "node_modules", "bin", "obj", ".vscode-test", "out", "dist", "test-output", ".pmprep-cache" };

    /// <summary>
    /// Every file under <paramref name="root"/> named <c>*<paramref name="suffix"/></c> that may be read.
    /// Unlistable folders are reported through <paramref name="onError"/> (the walk goes on); skipped
    /// files through <paramref name="onSkipped"/>.
    /// </summary>
    public static IEnumerable<string> Find(string root, string suffix, IReadOnlySet<string>? skipDirs = null,
        Action<SkippedFile>? onSkipped = null, Action<string, Exception>? onError = null)
    {
        skipDirs ??= DefaultSkippedDirs;
        string rootFull = Path.GetFullPath(root);
        string realRoot = SafeRead.RealPath(rootFull) ?? rootFull;
        var stack = new Stack<string>();
        stack.Push(rootFull);
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            List<string> files, dirs;
            try
            {
                files = Directory.EnumerateFiles(dir, "*" + suffix).ToList();
                dirs = Directory.EnumerateDirectories(dir).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                onError?.Invoke(dir, ex);
                continue;
            }
            files.Sort(StringComparer.Ordinal);
            foreach (var f in files)
            {
                if (!f.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) continue;   // "*.story.md" also matches "x.story.mdx" on some platforms
                var reason = Admit(f, realRoot);
                if (reason is null) yield return f;
                else onSkipped?.Invoke(new SkippedFile(f, reason));
            }
            dirs.Sort(StringComparer.Ordinal);
            for (int i = dirs.Count - 1; i >= 0; i--)   // pushed in reverse so they pop in order
            {
                var d = dirs[i];
                if (skipDirs.Contains(Path.GetFileName(d))) continue;
                try
                {
                    if ((File.GetAttributes(d) & FileAttributes.ReparsePoint) != 0) continue;   // a symlinked folder: not entered
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { continue; }
                stack.Push(d);
            }
        }
    }

    /// <summary>
    /// Why the walk would not take <paramref name="path"/> (null when it would): not a regular file,
    /// or a symlink whose target is outside <paramref name="realRoot"/> (a root already resolved
    /// with <see cref="SafeRead.RealPath"/>).
    /// </summary>
    public static string? Admit(string path, string realRoot)
    {
        var info = new FileInfo(path);
        bool link;
        try { link = info.LinkTarget is not null; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return "cannot be examined (" + ex.Message + ")"; }
        if (link)
        {
            var target = SafeRead.RealPath(path);
            if (target is null) return "a symbolic link that does not resolve";
            if (!IsUnder(target, realRoot)) return $"a symbolic link to {target}, outside {realRoot}";
        }
        if (SafeRead.Stat(path, follow: true) is { } facts && facts.Kind != FileKind.Regular)
            return SafeRead.NotRegular(facts.Kind);
        return null;
    }

    /// <summary>
    /// Whether <paramref name="path"/> lies inside one of <paramref name="roots"/>, both as spelled
    /// and with every symlink resolved (a file inside the root that links outside it is outside).
    /// A path that does not exist yet counts by its spelling and its resolved folder.
    /// </summary>
    public static bool IsInside(string path, IEnumerable<string> roots)
    {
        string full = Path.GetFullPath(path);
        string real = SafeRead.RealPath(full)
            ?? (Path.GetDirectoryName(full) is { } parent && SafeRead.RealPath(parent) is { } rp ? Path.Combine(rp, Path.GetFileName(full)) : full);
        foreach (var root in roots)
        {
            string rootFull = Path.GetFullPath(root);
            string realRoot = SafeRead.RealPath(rootFull) ?? rootFull;
            if ((IsUnder(full, rootFull) || IsUnder(full, realRoot)) && IsUnder(real, realRoot)) return true;
        }
        return false;
    }

    /// <summary>Lexical containment: <paramref name="path"/> is <paramref name="root"/> or below it.</summary>
    public static bool IsUnder(string path, string root)
    {
        var cmp = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        root = Path.TrimEndingDirectorySeparator(root);
        if (path.Length == root.Length) return path.Equals(root, cmp);
        return path.Length > root.Length && path.StartsWith(root, cmp)
            && (path[root.Length] == Path.DirectorySeparatorChar || path[root.Length] == Path.AltDirectorySeparatorChar || root.EndsWith(Path.DirectorySeparatorChar));
    }
}
