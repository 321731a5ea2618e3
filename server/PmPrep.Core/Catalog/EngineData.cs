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
        // The files parse independently: principles.yaml (the largest) on a thread of its own while
        // this one reads the other three. A dedicated thread, not the thread pool: Load runs under a
        // Lazy that pool threads may be blocked on (every story waits for the lexicon), and a pool
        // work item queued behind them waited for the pool to grow, a one-second stall.
        YamlMappingNode? principlesRoot = null;
        Exception? principlesError = null;
        var worker = new Thread(() =>
        {
            try { principlesRoot = Yaml.LoadMapping(read("principles.yaml")); }
            catch (Exception e) { principlesError = e; }
        })
        { IsBackground = true, Name = "pmprep principles.yaml" };
        worker.Start();
        var roots = new[] { Yaml.LoadMapping(read("rules.yaml")), Yaml.LoadMapping(read("lexicon.yaml")), Yaml.LoadMapping(read("practice.yaml")), null };
        worker.Join();
        if (principlesError is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(principlesError);
        roots[3] = principlesRoot;
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
