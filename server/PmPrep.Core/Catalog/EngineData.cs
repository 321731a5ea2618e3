using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace PmPrep.Core.Catalog;

/// <summary>
/// The embedded data files (rules.yaml, lexicon.yaml, practice.yaml, principles.yaml), read once. Rules and
/// cue lists are data: adding a phrase never needs a code change.
/// </summary>
public sealed class EngineData
{
    private static readonly Lazy<EngineData> LazyDefault = new(() => Load(ReadResource));

    public static EngineData Default => LazyDefault.Value;

    public IReadOnlyList<RuleInfo> Rules { get; }
    public IReadOnlyDictionary<string, RuleInfo> RulesById { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Lists { get; }
    public IReadOnlyList<Principle> Principles { get; }
    public IReadOnlyList<Cue> OwnershipPhrases { get; }

    private EngineData(List<RuleInfo> rules, Dictionary<string, IReadOnlyList<string>> lists, List<Principle> principles, List<Cue> ownership)
    {
        Rules = rules;
        RulesById = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        Lists = lists;
        Principles = principles;
        OwnershipPhrases = ownership;
    }

    public RuleInfo Rule(string id) => RulesById.TryGetValue(id, out var r) ? r : throw new KeyNotFoundException($"no rule \"{id}\" in rules.yaml");

    public IReadOnlyList<string> List(string name) =>
        Lists.TryGetValue(name, out var l) ? l : throw new KeyNotFoundException($"no list \"{name}\" in lexicon.yaml");

    internal static string ReadResource(string name)
    {
        var asm = typeof(EngineData).Assembly;
        using var stream = asm.GetManifestResourceStream("PmPrep.Data." + name)
            ?? throw new InvalidOperationException($"embedded data file {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Dictionary<string, string> FixTitles(YamlMappingNode rule)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        if (rule.Get("fixes") is YamlMappingNode map)
            foreach (var (k, v) in map.Children)
                if (k is YamlScalarNode key && key.Value is { } name && v is YamlScalarNode val && val.Value is { } title)
                    titles[name] = title;
        return titles;
    }

    internal static EngineData Load(Func<string, string> read)
    {
        // The four files parse independently: on every core at once (this is most of a one-story
        // check's start-up, and the reader's WordNet table loads beside it; see EngineWarmup).
        string[] names = { "rules.yaml", "lexicon.yaml", "practice.yaml", "principles.yaml" };
        var roots = new YamlMappingNode?[names.Length];
        try { Parallel.For(0, names.Length, i => roots[i] = Yaml.LoadMapping(read(names[i]))); }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The first file's own exception (a YamlException, a missing resource), as a serial load threw it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        var rules = new List<RuleInfo>();
        var rulesRoot = roots[0] ?? throw new InvalidOperationException("rules.yaml is empty");
        foreach (var m in Yaml.Maps(rulesRoot.Get("rules")))
        {
            string id = m.Str("id") ?? throw new InvalidOperationException("a rule in rules.yaml has no id");
            rules.Add(new RuleInfo(
                id,
                m.Str("scope") switch { "sentence" => RuleScope.Sentence, "bank" => RuleScope.Bank, "design" => RuleScope.Design, "prfaq" => RuleScope.PrFaq, _ => RuleScope.Story },
                RuleInfo.ParseSeverity(m.Str("severity")) ?? throw new InvalidOperationException($"rule {id} has no valid severity"),
                m.Str("title") ?? id,
                m.Str("message") ?? id,
                m.Str("why") ?? "",
                m.Str("weak") ?? "",
                m.Str("strong") ?? "",
                m.Str("fix"))
            {
                FixTitles = FixTitles(m),
                Short = m.Str("short") ?? id.Replace('-', ' '),
            });
        }

        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var lexRoot = roots[1] ?? throw new InvalidOperationException("lexicon.yaml is empty");
        if (lexRoot.Get("lists") is YamlMappingNode listMap)
            foreach (var (k, v) in listMap.Children)
                if (k is YamlScalarNode key && key.Value is not null) lists[key.Value] = Yaml.Strings(v);
        // The design-answer and PR/FAQ cue lists live in their own file, in the same shape.
        if (roots[2]?.Get("lists") is YamlMappingNode practiceLists)
            foreach (var (k, v) in practiceLists.Children)
                if (k is YamlScalarNode key && key.Value is not null) lists[key.Value] = Yaml.Strings(v);

        var principles = new List<Principle>();
        var ownership = new List<Cue>();
        var pRoot = roots[3] ?? throw new InvalidOperationException("principles.yaml is empty");
        int order = 0;
        foreach (var m in Yaml.Maps(pRoot.Get("principles")))
        {
            string name = m.Str("name") ?? throw new InvalidOperationException("a principle has no name");
            principles.Add(new Principle
            {
                Name = name,
                Key = m.Str("key") ?? name.ToLowerInvariant().Replace(' ', '-'),
                Aliases = Yaml.Strings(m.Get("aliases")).Select(a => a.ToLowerInvariant()).ToList(),
                OneWord = m.Bool("one_word"),
                Meaning = m.Str("meaning") ?? "",
                FollowUps = Yaml.Strings(m.Get("followups")),
                Cues = Cues(m.Get("cues")),
                Acts = Cues(m.Get("acts")),
                Order = order++,
            });
        }
        ownership.AddRange(Cues(pRoot.Get("ownership_phrases")));
        return new EngineData(rules, lists, principles, ownership);
    }

    private static List<Cue> Cues(YamlNode? node)
    {
        var cues = new List<Cue>();
        foreach (var c in Yaml.Maps(node))
        {
            var pattern = c.Str("pattern");
            if (string.IsNullOrWhiteSpace(pattern)) continue;
            cues.Add(new Cue(pattern, c.Str("reason") ?? "", c.Bool("strong")));
        }
        return cues;
    }
}
