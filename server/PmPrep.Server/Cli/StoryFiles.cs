using System.Text;

namespace PmPrep.Server.Cli;

/// <summary>A story read from disk, or the reason it could not be read.</summary>
public sealed record LoadedFile(string FullPath, string DisplayPath, string? Text, string? Error, bool HadBom, string NewLine);

/// <summary>Finds `*.story.md` files and reads them strictly: UTF-8 only, no binaries, a size limit.</summary>
public static class StoryFiles
{
    public const long MaxBytes = 16 * 1024 * 1024;

    private static readonly HashSet<string> SkippedDirs = new(StringComparer.OrdinalIgnoreCase)
    { "node_modules", ".git", "bin", "obj", ".vscode-test", "out", "dist", "test-output" };

    /// <summary>Expands paths: directories are searched for practice files (`*.story.md`, `*.design.md`, `*.prfaq.md`); files are taken as given.</summary>
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
                    Walk(full, files);
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

    private static void Walk(string dir, List<string> files)
    {
        var found = new List<string>();
        foreach (var pattern in Core.Practice.PracticeFiles.Patterns)
            foreach (var f in Directory.EnumerateFiles(dir, pattern)) found.Add(f);
        found.Sort(StringComparer.Ordinal);
        files.AddRange(found);
        var subdirs = Directory.EnumerateDirectories(dir).Where(d => !SkippedDirs.Contains(Path.GetFileName(d))).ToList();
        subdirs.Sort(StringComparer.Ordinal);
        foreach (var d in subdirs)
        {
            if ((File.GetAttributes(d) & FileAttributes.ReparsePoint) != 0) continue; // no symlink loops
            Walk(d, files);
        }
    }

    public static LoadedFile Read(string fullPath, string cwd)
    {
        string display = Display(fullPath, cwd);
        byte[] bytes;
        try
        {
            var info = new FileInfo(fullPath);
            if (info.Length > MaxBytes)
                return new LoadedFile(fullPath, display, null, $"the file is {info.Length / (1024 * 1024)} MB; stories over {MaxBytes / (1024 * 1024)} MB are not checked", false, "\n");
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new LoadedFile(fullPath, display, null, $"cannot read the file ({ex.Message})", false, "\n");
        }
        var (text, error, bom) = Decode(bytes);
        if (text is null) return new LoadedFile(fullPath, display, null, error, false, "\n");
        return new LoadedFile(fullPath, display, text, null, bom, text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n");
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
