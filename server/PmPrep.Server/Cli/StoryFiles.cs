using System.Text;
using PmPrep.Server.IO;

namespace PmPrep.Server.Cli;

/// <summary>A story read from disk, or the reason it could not be read.</summary>
public sealed record LoadedFile(string FullPath, string DisplayPath, string? Text, string? Error, bool HadBom, string NewLine);

/// <summary>Finds `*.story.md` files and reads them strictly: UTF-8 only, no binaries, a size limit.</summary>
public static class StoryFiles
{
    public const long MaxBytes = 16 * 1024 * 1024;

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
                // Stories, then design answers, then PR/FAQs (Core.Practice.PracticeFiles names them).
                foreach (var pattern in Core.Practice.PracticeFiles.Patterns)
                    files.AddRange(DirectoryWalk.Find(full, pattern.TrimStart('*'), onError: (d, ex) => errors.Add($"{Display(d, cwd)}: cannot list the directory ({ex.Message})")));
                continue;
            }
            errors.Add($"{raw}: no such file or directory");
        }
        return (files.DistinctBy(SafeRead.IdentityKey).ToList(), errors.Distinct(StringComparer.Ordinal).ToList());   // one file named twice (a symlink, a hard link) is one file
    }

    public static LoadedFile Read(string fullPath, string cwd)
    {
        string display = Display(fullPath, cwd);
        var read = SafeRead.ReadBytes(fullPath, MaxBytes);   // regular files only, the limit on bytes read
        if (read.Bytes is not { } bytes) return new LoadedFile(fullPath, display, null, read.Error, false, "\n");
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

    /// <summary>
    /// The path a diff shows: relative to the working directory when the file is under it, else
    /// relative to the repository that holds it (the nearest folder with a `.git`), else relative
    /// to the working directory anyway. Never an absolute path, so `a/` and `b/` prefixes read right.
    /// </summary>
    public static string DiffPath(string fullPath, string cwd)
    {
        string rel = Path.GetRelativePath(cwd, fullPath);
        if (!rel.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(rel)) return rel.Replace('\\', '/');
        for (var dir = Path.GetDirectoryName(fullPath); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var git = Path.Combine(dir, ".git");
            if (Directory.Exists(git) || File.Exists(git)) return Path.GetRelativePath(dir, fullPath).Replace('\\', '/');
        }
        return Path.IsPathRooted(rel) ? Path.GetFileName(fullPath) : rel.Replace('\\', '/');
    }

    /// <summary>Writes text back as UTF-8, keeping a BOM if the file had one; null, or why it was not written.</summary>
    public static string? Write(LoadedFile file, string text, SafeWriteOptions? options = null) =>
        SafeWrite.ReplaceText(file.FullPath, text, file.HadBom, options).Error;
}
