using System.Text.Json;
using PmPrep.Core.Catalog;
using PmPrep.Core.Config;

namespace PmPrep.Server.Lsp;

/// <summary>
/// Reads the client's `pmprep` settings section: wordsPerMinute, minMinutes, maxMinutes,
/// limitMinutes, rules { id: "error" | "warning" | "information" | "hint" | "off" | false }, and
/// docsBaseUrl. Tolerant: a bad value is a problem message, the rest still applies.
/// </summary>
public static class ClientSettingsParser
{
    public static PmPrepSettings Apply(PmPrepSettings s, JsonElement? section, List<string> problems, out string? docsBaseUrl)
    {
        docsBaseUrl = null;
        if (section is not { ValueKind: JsonValueKind.Object } obj) return s;
        foreach (var prop in obj.EnumerateObject())
        {
            switch (prop.Name)
            {
                case "wordsPerMinute":
                    if (Number(prop, 60, 400, problems) is { } wpm) s = s with { WordsPerMinute = wpm };
                    break;
                case "minMinutes":
                    if (Number(prop, 0.5, 30, problems) is { } min) s = s with { MinMinutes = min };
                    break;
                case "maxMinutes":
                    if (Number(prop, 0.5, 30, problems) is { } max) s = s with { MaxMinutes = max };
                    break;
                case "limitMinutes":
                    if (Number(prop, 0.5, 30, problems) is { } lim) s = s with { LimitMinutes = lim };
                    break;
                case "docsBaseUrl":
                    if (prop.Value.ValueKind == JsonValueKind.String && prop.Value.GetString() is { Length: > 0 } url) docsBaseUrl = url;
                    break;
                case "rules":
                    if (prop.Value.ValueKind != JsonValueKind.Object) { problems.Add("`pmprep.rules` must map rule ids to a severity or \"off\""); break; }
                    var severities = new Dictionary<string, Severity?>(s.RuleSeverities, StringComparer.Ordinal);
                    foreach (var rule in prop.Value.EnumerateObject())
                    {
                        if (!EngineData.Default.RulesById.ContainsKey(rule.Name)) { problems.Add($"unknown rule \"{rule.Name}\" in pmprep.rules"); continue; }
                        var v = rule.Value;
                        if (v.ValueKind == JsonValueKind.False) severities[rule.Name] = null;
                        else if (v.ValueKind == JsonValueKind.True) severities.Remove(rule.Name);
                        else if (v.ValueKind == JsonValueKind.String)
                        {
                            var text = v.GetString()!.Trim().ToLowerInvariant();
                            if (text is "off" or "none" or "disabled") severities[rule.Name] = null;
                            else if (text is "on" or "default") severities.Remove(rule.Name);
                            else if (RuleInfo.ParseSeverity(text) is { } sev) severities[rule.Name] = sev;
                            else problems.Add($"pmprep.rules.{rule.Name}: \"{text}\" is not error, warning, information, hint or off");
                        }
                        else problems.Add($"pmprep.rules.{rule.Name} must be a severity or \"off\"");
                    }
                    s = s with { RuleSeverities = severities };
                    break;
            }
        }
        if (s.MinMinutes > s.MaxMinutes) problems.Add("pmprep.minMinutes is above pmprep.maxMinutes");
        return s;
    }

    private static double? Number(JsonProperty p, double min, double max, List<string> problems)
    {
        if (p.Value.ValueKind == JsonValueKind.Null) return null;
        if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetDouble(out var d) && d >= min && d <= max) return d;
        problems.Add($"pmprep.{p.Name} must be a number from {min} to {max}");
        return null;
    }
}
