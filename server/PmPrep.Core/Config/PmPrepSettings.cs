using PmPrep.Core.Catalog;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PmPrep.Core.Config;

/// <summary>
/// What a user can change: speaking rate, target minutes, rule severities (or off), extra phrases
/// for the lexicon lists and extra evidence cues per principle. Immutable; build with
/// <see cref="FromYaml"/> or <c>with</c>.
/// </summary>
public sealed record PmPrepSettings
{
    public static readonly PmPrepSettings Default = new();

    /// <summary>A larger `.pmprep.yaml` is refused (bytes): a real one is a few KB.</summary>
    public const int MaxConfigBytes = 256 * 1024;

    public double WordsPerMinute { get; init; } = 150;
    public double MinMinutes { get; init; } = 2.5;
    public double MaxMinutes { get; init; } = 3.5;
    /// <summary>Above this, story-too-long becomes an error.</summary>
    public double LimitMinutes { get; init; } = 4.0;
    /// <summary>Target split in seconds: context, decision, impact and reflection together.</summary>
    public double ContextSeconds { get; init; } = 20;
    public double DecisionSeconds { get; init; } = 90;
    public double ImpactReflectionSeconds { get; init; } = 60;

    /// <summary>Rule id to severity; a null value turns the rule off.</summary>
    public IReadOnlyDictionary<string, Severity?> RuleSeverities { get; init; } = new Dictionary<string, Severity?>();
    /// <summary>Lexicon list name to extra patterns.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ExtraPhrases { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>Principle name (any alias) to extra cue patterns.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ExtraCues { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public bool IsEnabled(string ruleId) => !RuleSeverities.TryGetValue(ruleId, out var s) || s is not null;

    public Severity SeverityOf(RuleInfo rule) =>
        RuleSeverities.TryGetValue(rule.Id, out var s) && s is { } v ? v : rule.DefaultSeverity;

    /// <summary>A key that changes whenever the compiled phrase lists would.</summary>
    internal string LexiconKey =>
        ExtraPhrases.Count == 0 && ExtraCues.Count == 0 ? "" :
        string.Join("\u0001", ExtraPhrases.OrderBy(k => k.Key).Select(k => k.Key + "=" + string.Join("\u0002", k.Value))) + "\u0003" +
        string.Join("\u0001", ExtraCues.OrderBy(k => k.Key).Select(k => k.Key + "=" + string.Join("\u0002", k.Value)));

    /// <summary>
    /// Reads a `.pmprep.yaml` text over <paramref name="baseSettings"/>. Problems (bad YAML, an
    /// unknown rule, a bad number) are returned as messages and the rest of the file still applies.
    /// </summary>
    public static (PmPrepSettings Settings, IReadOnlyList<string> Problems) FromYaml(string text, PmPrepSettings? baseSettings = null)
    {
        var s = baseSettings ?? Default;
        var problems = new List<string>();
        // Bounded before YamlDotNet's recursive loader sees it: a stack overflow cannot be caught.
        if (Parsing.YamlBounds.CheckAll(text, MaxConfigBytes) is { } tooMuch)
        {
            problems.Add($"line {Parsing.YamlBounds.LineOf(text, tooMuch.Offset)}: {tooMuch.Reason}; no setting from this file applies");
            return (s, problems);
        }
        YamlMappingNode? root;
        try
        {
            root = Yaml.LoadMapping(text);
        }
        catch (YamlException ex)
        {
            problems.Add($"line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}");
            return (s, problems);
        }
        if (root is null) return (s, problems);

        var severities = new Dictionary<string, Severity?>(s.RuleSeverities, StringComparer.Ordinal);
        var phrases = s.ExtraPhrases.ToDictionary(k => k.Key, k => (IReadOnlyList<string>)k.Value.ToList(), StringComparer.Ordinal);
        var cues = s.ExtraCues.ToDictionary(k => k.Key, k => (IReadOnlyList<string>)k.Value.ToList(), StringComparer.OrdinalIgnoreCase);
        var data = EngineData.Default;

        foreach (var (k, v) in root.Children)
        {
            string key = (k as YamlScalarNode)?.Value?.Trim().ToLowerInvariant() ?? "";
            switch (key)
            {
                case "wpm":
                case "words-per-minute":
                case "wordsperminute":
                    if (Number(v, problems, key, 60, 400) is { } wpm) s = s with { WordsPerMinute = wpm };
                    break;
                case "minutes":
                case "targetminutes":
                    if (v is YamlMappingNode mm)
                    {
                        if (Number(mm.Get("min"), problems, "minutes.min", 0.5, 30) is { } min) s = s with { MinMinutes = min };
                        if (Number(mm.Get("max"), problems, "minutes.max", 0.5, 30) is { } max) s = s with { MaxMinutes = max };
                        if (Number(mm.Get("limit"), problems, "minutes.limit", 0.5, 30) is { } lim) s = s with { LimitMinutes = lim };
                    }
                    else problems.Add("`minutes` takes `min`, `max` and `limit`");
                    break;
                case "rules":
                    if (v is YamlMappingNode rm)
                        foreach (var (rk, rv) in rm.Children)
                        {
                            string id = (rk as YamlScalarNode)?.Value?.Trim() ?? "";
                            if (!data.RulesById.ContainsKey(id)) { problems.Add($"unknown rule \"{id}\" under `rules`"); continue; }
                            string val = (rv as YamlScalarNode)?.Value?.Trim().ToLowerInvariant() ?? "";
                            if (val is "off" or "false" or "none" or "disable" or "disabled") severities[id] = null;
                            else if (val is "on" or "true") severities.Remove(id);
                            else if (RuleInfo.ParseSeverity(val) is { } sev) severities[id] = sev;
                            else problems.Add($"rule \"{id}\": \"{val}\" is not error, warning, information, hint or off");
                        }
                    break;
                case "phrases":
                    if (v is YamlMappingNode pm)
                        foreach (var (pk, pv) in pm.Children)
                        {
                            string list = (pk as YamlScalarNode)?.Value?.Trim() ?? "";
                            if (!data.Lists.ContainsKey(list)) { problems.Add($"unknown phrase list \"{list}\" under `phrases`"); continue; }
                            var extra = Yaml.Strings(pv);
                            if (!Valid(extra, problems, list)) continue;
                            phrases[list] = (phrases.TryGetValue(list, out var had) ? had : Array.Empty<string>()).Concat(extra).ToList();
                        }
                    break;
                case "cues":
                    if (v is YamlMappingNode cm)
                        foreach (var (ck, cv) in cm.Children)
                        {
                            string lp = (ck as YamlScalarNode)?.Value?.Trim() ?? "";
                            var principle = PrincipleNames.Resolve(lp);
                            if (principle is null) { problems.Add($"unknown principle \"{lp}\" under `cues`"); continue; }
                            var extra = Yaml.Strings(cv);
                            if (!Valid(extra, problems, lp)) continue;
                            cues[principle.Name] = (cues.TryGetValue(principle.Name, out var had) ? had : Array.Empty<string>()).Concat(extra).ToList();
                        }
                    break;
                default:
                    problems.Add($"unknown setting \"{key}\"");
                    break;
            }
        }
        if (s.MinMinutes > s.MaxMinutes) problems.Add("minutes.min is above minutes.max");
        return (s with { RuleSeverities = severities, ExtraPhrases = phrases, ExtraCues = cues }, problems);
    }

    private static bool Valid(List<string> patterns, List<string> problems, string where)
    {
        foreach (var p in patterns)
        {
            try { _ = new Patterns.PhrasePattern(p); }
            catch (FormatException ex) { problems.Add($"{where}: {ex.Message}"); return false; }
        }
        return true;
    }

    private static double? Number(YamlNode? node, List<string> problems, string key, double min, double max)
    {
        if (node is null) return null;
        string? raw = (node as YamlScalarNode)?.Value;
        if (double.TryParse(raw, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && d >= min && d <= max)
            return d;
        problems.Add($"`{key}` must be a number from {min} to {max}, not \"{raw}\"");
        return null;
    }
}
