namespace PmPrep.Server.Workspace;

/// <summary>
/// Which bank a story or folder belongs to. The bank is what the bank rules judge (coverage gaps,
/// duplicates, role conflicts), so checking one file must judge the bank the file lives in, not a
/// bank of one: the nearest folder at or above it holding <c>.pmprep.yaml</c>, else the repository
/// root (the nearest folder holding <c>.git</c>), else the folder given (a file's own folder).
/// </summary>
public static class BankRoot
{
    /// <summary>The bank root for an existing file or folder (full path).</summary>
    public static string Of(string fullPath)
    {
        string start = Directory.Exists(fullPath) ? Path.TrimEndingDirectorySeparator(fullPath) : Path.GetDirectoryName(fullPath) ?? fullPath;
        for (string? dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, StoryFiles.ConfigName))) return dir;
        return RepositoryRoot(start) ?? start;
    }

    /// <summary>The nearest folder at or above <paramref name="dir"/> that holds <c>.git</c> (a folder or, in a worktree, a file).</summary>
    public static string? RepositoryRoot(string dir)
    {
        for (string? d = dir; d is not null; d = Path.GetDirectoryName(d))
        {
            var git = Path.Combine(d, ".git");
            if (Directory.Exists(git) || File.Exists(git)) return d;
        }
        return null;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or inside it.</summary>
    public static bool Contains(string root, string path)
    {
        var rel = Path.GetRelativePath(root, path);
        return rel == "." || (!rel.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(rel));
    }
}
