using System.Text;

namespace PmPrep.Server.Workspace;

/// <summary>A story read from disk, or the reason it could not be read.</summary>
public sealed record LoadedFile(string FullPath, string DisplayPath, string? Text, string? Error, bool HadBom, string NewLine);

/// <summary>
/// Finds `*.story.md` files and reads them strictly: UTF-8 only, no binaries, one size limit. The
/// CLI and the language server both read stories through here, so they see the same files.
/// </summary>
public static class StoryFiles
{
    /// <summary>The one size limit for a story read from disk (the CLI and the server's index).</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    public const string ConfigName = ".pmprep.yaml";

    /// <summary>The one list of folders never searched for stories: tools' output, dependencies, caches.</summary>
    public static readonly IReadOnlySet<string> SkippedDirs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    { "node_modules", ".git", "bin", "obj", ".vscode-test", "out", "dist", "test-output", ".pmprep-cache" };

    public static bool IsStory(string path) => path.EndsWith(".story.md", StringComparison.OrdinalIgnoreCase);
    public static bool IsConfig(string path) => Path.GetFileName(path).Equals(ConfigName, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Every story under <paramref name="root"/>, in ordinal order, skipping <see cref="SkippedDirs"/>
    /// and symbolic links (no loops). Unreadable folders are passed over. This is the one directory
    /// walk: the CLI and the language server's index both call it.
    /// </summary>
    public static List<string> Discover(string root)
    {
        var files = new List<string>();
        Walk(root, files, throwAtRoot: false);
        return files;
    }

    /// <summary>Expands paths: directories are searched for `*.story.md`; files are taken as given.</summary>
    public static (List<string> Files, List<string> Errors) Expand(IEnumerable<string> paths, string cwd)
    {
        var files = new List<string>();
        var errors = new List<string>();
        foreach (var raw in paths)
        {
            string full = Path.GetFullPath(Path.Combine(cwd, raw));
            if (File.Exists(full)) { files.Add(full); continue; }
            if (Directory.Exists(full))
            {
                try
                {
                    Walk(full, files, throwAtRoot: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    errors.Add($"{raw}: cannot list the directory ({ex.Message})");
                }
                continue;
            }
            errors.Add($"{raw}: no such file or directory");
        }
        return (files.Distinct(StringComparer.Ordinal).ToList(), errors);
    }

    private static void Walk(string dir, List<string> files, bool throwAtRoot)
    {
        List<string> found, subdirs;
        try
        {
            found = Directory.EnumerateFiles(dir, "*.story.md").ToList();
            subdirs = Directory.EnumerateDirectories(dir).Where(d => !SkippedDirs.Contains(Path.GetFileName(d))).ToList();
        }
        catch (Exception ex) when (!throwAtRoot && ex is IOException or UnauthorizedAccessException)
        {
            return;
        }
        found.Sort(StringComparer.Ordinal);
        files.AddRange(found);
        subdirs.Sort(StringComparer.Ordinal);
        foreach (var d in subdirs)
        {
            try
            {
                if ((File.GetAttributes(d) & FileAttributes.ReparsePoint) != 0) continue; // no symlink loops
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { continue; }
            Walk(d, files, throwAtRoot: false);
        }
    }

    public static LoadedFile Read(string fullPath, string cwd)
    {
        string display = Display(fullPath, cwd);
        var (text, error, bom) = ReadText(fullPath);
        if (text is null) return new LoadedFile(fullPath, display, null, error, false, "\n");
        return new LoadedFile(fullPath, display, text, null, bom, text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n");
    }

    /// <summary>A story's text, or why it cannot be read: the size limit, then strict decoding.</summary>
    public static (string? Text, string? Error, bool Bom) ReadText(string fullPath)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(fullPath);
            if (info.Length > MaxBytes)
                return (null, $"the file is {info.Length / (1024 * 1024)} MB; stories over {MaxBytes / (1024 * 1024)} MB are not checked", false);
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read the file ({ex.Message})", false);
        }
        return Decode(bytes);
    }

    /// <summary>Strict UTF-8 decoding: the BOM is dropped (as editors do), invalid bytes and NULs are refused.</summary>
    public static (string? Text, string? Error, bool Bom) Decode(byte[] bytes)
    {
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        int nul = Array.IndexOf(bytes, (byte)0, start);
        if (nul >= 0) return (null, $"the file looks binary (a NUL byte at offset {nul}); stories are UTF-8 text", false);
        try
        {
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            return (utf8.GetString(bytes, start, bytes.Length - start), null, start == 3);
        }
        catch (DecoderFallbackException ex)
        {
            return (null, $"the file is not valid UTF-8 (bad byte at offset {start + ex.Index}); save it as UTF-8", false);
        }
    }

    public static string Display(string fullPath, string cwd)
    {
        string rel = Path.GetRelativePath(cwd, fullPath);
        if (rel.StartsWith("..", StringComparison.Ordinal) && Path.IsPathRooted(fullPath) && rel.Count(c => c == Path.DirectorySeparatorChar) > 4)
            rel = fullPath;
        return rel.Replace('\\', '/');
    }

    /// <summary>Writes text back as UTF-8, keeping a BOM if the file had one.</summary>
    public static void Write(LoadedFile file, string text)
    {
        var enc = new UTF8Encoding(encoderShouldEmitUTF8Identifier: file.HadBom);
        string tmp = file.FullPath + ".pmprep-tmp";
        File.WriteAllText(tmp, text, enc);
        File.Move(tmp, file.FullPath, overwrite: true);
    }
}
