using PmPrep.Core.Config;

namespace PmPrep.Server.Workspace;

/// <summary>
/// The settings each story is checked with: the base settings (defaults, or the editor's), then
/// the nearest <c>.pmprep.yaml</c> found walking up from the story's folder, stopping at the
/// workspace or bank root that holds the story, or at the repository root (<c>.git</c>). The CLI
/// and the language server both resolve settings here, so they agree. Each config file is read
/// and parsed once per resolver; its problems are reported once.
/// </summary>
public sealed class ConfigResolver
{
    private readonly PmPrepSettings _base;
    private readonly IReadOnlyList<string> _roots;
    private readonly Action<string, string>? _problem;
    private readonly Dictionary<string, string?> _configOfDir = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PmPrepSettings> _settingsOfConfig = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <param name="baseSettings">What a story gets with no config file.</param>
    /// <param name="roots">Folders the walk never goes above (workspace folders, bank roots).</param>
    /// <param name="problem">Called once per (config path, problem) for unreadable or invalid files.</param>
    public ConfigResolver(PmPrepSettings baseSettings, IReadOnlyList<string> roots, Action<string, string>? problem = null)
    {
        _base = baseSettings;
        _roots = roots.Select(r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r))).ToList();
        _problem = problem;
    }

    public PmPrepSettings Base => _base;

    /// <summary>True when <paramref name="path"/> lies in one of the roots.</summary>
    public bool InRoots(string path) => _roots.Any(r => BankRoot.Contains(r, path));

    /// <summary>The settings for the story at <paramref name="storyPath"/> (full path).</summary>
    public PmPrepSettings For(string storyPath) => ForConfig(ConfigFor(storyPath));

    /// <summary>The settings a folder's own stories get (used for the bank rules of a bank root).</summary>
    public PmPrepSettings ForFolder(string dir) => ForConfig(ConfigInOrAbove(Path.TrimEndingDirectorySeparator(dir)));

    /// <summary>The nearest config file for a story, or null.</summary>
    public string? ConfigFor(string storyPath) =>
        Path.GetDirectoryName(storyPath) is { } dir ? ConfigInOrAbove(dir) : null;

    private string? ConfigInOrAbove(string dir)
    {
        lock (_gate)
        {
            if (_configOfDir.TryGetValue(dir, out var known)) return known;
            string? found = null;
            for (string? d = dir; d is not null; d = Path.GetDirectoryName(d))
            {
                var candidate = Path.Combine(d, StoryFiles.ConfigName);
                if (File.Exists(candidate)) { found = candidate; break; }
                if (IsStop(d)) break;
            }
            _configOfDir[dir] = found;
            return found;
        }
    }

    private bool IsStop(string dir)
    {
        foreach (var r in _roots)
            if (string.Equals(r, dir, StringComparison.Ordinal)) return true;
        var git = Path.Combine(dir, ".git");
        return Directory.Exists(git) || File.Exists(git);
    }

    private PmPrepSettings ForConfig(string? configPath)
    {
        if (configPath is null) return _base;
        lock (_gate)
        {
            if (_settingsOfConfig.TryGetValue(configPath, out var known)) return known;
            var settings = _base;
            var (text, error) = IO.SafeRead.ReadText(configPath, PmPrepSettings.MaxConfigBytes);   // a FIFO never blocks, the size is bounded
            if (text is null) _problem?.Invoke(configPath, error ?? "cannot read the file");
            else
            {
                var (s, problems) = PmPrepSettings.FromYaml(text, _base);
                settings = s;
                foreach (var p in problems) _problem?.Invoke(configPath, p);
            }
            _settingsOfConfig[configPath] = settings;
            return settings;
        }
    }
}
