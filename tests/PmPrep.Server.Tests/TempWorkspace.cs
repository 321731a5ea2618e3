namespace PmPrep.Server.Tests;

/// <summary>A temporary workspace folder, deleted after the test, with a helper to write files into it.</summary>
public abstract class TempWorkspace : IDisposable
{
    protected TempWorkspace(string prefix) => _root = Directory.CreateTempSubdirectory(prefix);

    protected readonly DirectoryInfo _root;

    public void Dispose() { try { _root.Delete(true); } catch { } }

    /// <summary>Writes <paramref name="text"/> at a path relative to the workspace; returns the full path.</summary>
    protected string Write(string rel, string text)
    {
        var path = Path.Combine(_root.FullName, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
