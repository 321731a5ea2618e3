using System.Security.Cryptography;

namespace PmPrep.Server.IO;

/// <summary>How <see cref="SafeWrite.Replace"/> may treat the file it replaces.</summary>
public sealed record SafeWriteOptions
{
    /// <summary>Write a file with more than one hard link (the other names keep the old text).</summary>
    public bool BreakHardLinks { get; init; }
    /// <summary>Create the file when it does not exist (`report --out`); a story must exist.</summary>
    public bool CreateIfMissing { get; init; }
}

/// <summary>Where the bytes went, or why nothing was written.</summary>
public readonly record struct WriteOutcome(string? WrittenPath, string? Error)
{
    public bool Ok => Error is null;
}

/// <summary>
/// The one function for every file PmPrep writes (`check --fix`, `report --out`). It never
/// truncates a file and never writes through a name someone else controls:
/// <list type="number">
/// <item>a symlink is resolved and its target is written (the link stays a link);</item>
/// <item>refused, with the reason: not a regular file, not writable by the real user (access(2),
/// W_OK), or more than one hard link (unless <see cref="SafeWriteOptions.BreakHardLinks"/>);</item>
/// <item>the bytes go to a new file created exclusively (O_CREAT|O_EXCL, so a planted symlink at
/// that name fails the create instead of being followed) under a random name in the same folder,
/// mode 0600 until it is complete;</item>
/// <item>flushed to disk (fsync), given the original's owner (fchown) and mode (fchmod), renamed
/// over the original (rename(2) is atomic), and the folder is fsynced;</item>
/// <item>on any failure the temporary file is removed and the original is untouched.</item>
/// </list>
/// It returns an outcome instead of throwing, so a caller can report one file and go on.
/// </summary>
public static class SafeWrite
{
    private const UnixFileMode PrivateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode NewFileMode = PrivateMode | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    /// <summary>The suffix of temporary files (a crash can leave one; nothing reads them).</summary>
    public const string TempSuffix = ".pmprep-tmp";

    public static WriteOutcome Replace(string path, ReadOnlySpan<byte> content, SafeWriteOptions? options = null)
    {
        options ??= new SafeWriteOptions();
        string target;
        try
        {
            target = Path.GetFullPath(path);
            var info = new FileInfo(target);
            if (info.LinkTarget is not null)
            {
                // Write the file the link names; the link itself is left as it is.
                var resolved = SafeRead.RealPath(target);
                if (resolved is null) return Fail($"it is a symbolic link to {info.LinkTarget}, which does not resolve; nothing written");
                target = resolved;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Fail(ex.Message);
        }

        FileFacts? original = null;
        bool exists;
        if (Posix.Available)
        {
            int err = Posix.Stat(target, follow: true, out var f);
            exists = err == 0;
            if (!exists && err != Posix.ENOENT) return Fail("cannot examine it (" + SafeRead.Errno(err) + ")");
            original = exists ? f : null;
        }
        else exists = File.Exists(target) || Directory.Exists(target);

        if (!exists && !options.CreateIfMissing) return Fail("it does not exist");
        if (original is { } o)
        {
            if (o.Kind != FileKind.Regular) return Fail(SafeRead.NotRegular(o.Kind) + "; nothing written");
            if (o.Links > 1 && !options.BreakHardLinks)
                return Fail($"it has {o.Links} hard links, and replacing it would break them (pass --break-hardlinks to write it anyway)");
            int access = Posix.CanWrite(target);
            if (access != 0) return Fail(access == Posix.EACCES ? "it is not writable by you (read-only); nothing written" : "it is not writable (" + SafeRead.Errno(access) + ")");
        }
        else if (exists)
        {
            if (Directory.Exists(target)) return Fail("it is a directory");
            if (new FileInfo(target).IsReadOnly) return Fail("it is read-only; nothing written");
        }

        string dir = Path.GetDirectoryName(target) ?? ".";
        string name = Path.GetFileName(target);
        string? tmp = null;
        try
        {
            FileStream? stream = null;
            for (int attempt = 0; stream is null; attempt++)
            {
                tmp = Path.Combine(dir, "." + name + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) + TempSuffix);
                try
                {
                    var fso = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
                    if (!OperatingSystem.IsWindows()) fso.UnixCreateMode = PrivateMode;
                    stream = new FileStream(tmp, fso);
                }
                catch (IOException) when (attempt < 8 && File.Exists(tmp) || attempt < 8 && new FileInfo(tmp).LinkTarget is not null)
                {
                    tmp = null;   // the name is taken (or planted): try another
                }
            }
            using (stream)
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
                if (!OperatingSystem.IsWindows())
                {
                    if (original is { } orig)
                    {
                        int chown = Posix.FChown(stream.SafeFileHandle, orig.Uid, orig.Gid);
                        if (chown != 0 && Posix.Stat(tmp!, follow: false, out var now) == 0 && (now.Uid != orig.Uid || now.Gid != orig.Gid))
                            return Cleanup(tmp, $"it belongs to user {orig.Uid}, group {orig.Gid}, and a rewritten copy could not keep that owner ({SafeRead.Errno(chown)}); nothing written");
                        File.SetUnixFileMode(stream.SafeFileHandle, orig.Mode);
                    }
                    else if (exists)
                        File.SetUnixFileMode(stream.SafeFileHandle, File.GetUnixFileMode(target));
                    else
                        File.SetUnixFileMode(stream.SafeFileHandle, NewFileMode & ~CurrentUmask());
                }
            }
            File.Move(tmp!, target, overwrite: true);
            tmp = null;
            if (Posix.Available) Posix.FsyncDirectory(dir);
            return new WriteOutcome(target, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            string why = ex is UnauthorizedAccessException && !string.IsNullOrEmpty(tmp) && !File.Exists(tmp)
                ? $"cannot create a file in {dir} (permission denied); nothing written"
                : ex.Message + "; nothing written";
            return Cleanup(tmp, why);
        }
    }

    /// <summary>Text as UTF-8, with a BOM when <paramref name="bom"/>.</summary>
    public static WriteOutcome ReplaceText(string path, string text, bool bom, SafeWriteOptions? options = null)
    {
        var enc = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var body = enc.GetBytes(text);
        if (!bom) return Replace(path, body, options);
        var all = new byte[body.Length + 3];
        all[0] = 0xEF; all[1] = 0xBB; all[2] = 0xBF;
        body.CopyTo(all, 3);
        return Replace(path, all, options);
    }

    private static WriteOutcome Fail(string why) => new(null, why);

    private static WriteOutcome Cleanup(string? tmp, string why)
    {
        if (tmp is not null)
        {
            try { File.Delete(tmp); } catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
        return Fail(why);
    }

    private static UnixFileMode? _umask;

    /// <summary>The process umask, read once from /proc/self/status (Linux); 022 when it cannot be read.</summary>
    private static UnixFileMode CurrentUmask()
    {
        if (_umask is { } u) return u;
        UnixFileMode mask = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        try
        {
            if (File.Exists("/proc/self/status"))
                foreach (var line in File.ReadLines("/proc/self/status"))
                    if (line.StartsWith("Umask:", StringComparison.Ordinal))
                    {
                        mask = (UnixFileMode)Convert.ToInt32(line[6..].Trim(), 8);
                        break;
                    }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException) { }
        _umask = mask;
        return mask;
    }
}
