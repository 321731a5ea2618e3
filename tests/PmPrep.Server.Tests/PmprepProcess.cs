using System.Diagnostics;

namespace PmPrep.Server.Tests;

/// <summary>
/// Runs the built `pmprep` (the pmprep.dll copied next to the tests) as a child process, for the
/// cases that used to end or hang the process (stack overflow, out of memory, a FIFO) and so cannot
/// run in the test host, and for the cases that must run as another user. The child's managed heap
/// is capped (DOTNET_GCHeapHardLimit, 1 GB) so a regression fails fast instead of eating the machine.
/// </summary>
internal static class PmprepProcess
{
    public static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "pmprep.dll");

    public sealed record Result(int Code, string Stdout, string Stderr, bool TimedOut, TimeSpan Elapsed);

    public static Result Run(string cwd, string[] args, TimeSpan? timeout = null, bool asNobody = false)
    {
        var psi = new ProcessStartInfo
        {
            WorkingDirectory = cwd,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (asNobody && IsRoot)
        {
            psi.FileName = "setpriv";
            foreach (var a in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "dotnet" }) psi.ArgumentList.Add(a);
        }
        else psi.FileName = "dotnet";
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_GCHeapHardLimit"] = "0x40000000";
        if (asNobody) psi.Environment["HOME"] = cwd;
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        bool exited = p.WaitForExit((int)(timeout ?? TimeSpan.FromSeconds(60)).TotalMilliseconds);
        if (!exited)
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            p.WaitForExit();
        }
        return new Result(exited ? p.ExitCode : -1, stdout.Result, stderr.Result, !exited, sw.Elapsed);
    }

    public static bool IsRoot => Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";

    /// <summary>Why the unprivileged cases cannot run here, or null when they can (not root, or root with setpriv).</summary>
    public static string? CannotRunAsNobody()
    {
        if (OperatingSystem.IsWindows()) return "file modes and owners are POSIX";
        if (!IsRoot) return null;   // already unprivileged: modes apply
        if (!File.Exists("/usr/bin/setpriv") && !File.Exists("/bin/setpriv")) return "running as root and util-linux's setpriv is missing, so the read-only cases cannot run as an unprivileged user";
        try
        {
            using var p = Process.Start(new ProcessStartInfo("setpriv", "--reuid=65534 --regid=65534 --clear-groups true") { UseShellExecute = false })!;
            p.WaitForExit();
            if (p.ExitCode != 0) return "setpriv cannot switch to uid 65534 here";
        }
        catch (Exception ex) { return "setpriv failed: " + ex.Message; }
        // The unprivileged user must be able to reach the built server.
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (!OperatingSystem.IsWindows() && (d.UnixFileMode & UnixFileMode.OtherExecute) == 0)
                return $"{d.FullName} is not searchable by other users, so uid 65534 cannot run the built server";
        return null;
    }

    /// <summary>A temporary folder every user may write in (mode 0777), for the unprivileged cases.</summary>
    public static DirectoryInfo SharedTempDir(string prefix)
    {
        var dir = Directory.CreateTempSubdirectory(prefix);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir.FullName, (UnixFileMode)0b111_111_111);
        return dir;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int chown(string path, int uid, int gid);

    /// <summary>chown(2), for tests running as root; throws when it fails.</summary>
    public static void Chown(string path, int uid, int gid)
    {
        if (chown(path, uid, gid) != 0) throw new IOException($"chown {path} failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int mkfifo(string path, int mode);

    public static void MkFifo(string path)
    {
        if (mkfifo(path, 0b110_100_100) != 0) throw new IOException($"mkfifo {path} failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int link(string existing, string newPath);

    public static void HardLink(string existing, string newPath)
    {
        if (link(existing, newPath) != 0) throw new IOException($"link {newPath} failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
    }
}
