using System.Collections.Concurrent;
using PmPrep.Core.Config;
using PmPrep.Core.Patterns;

namespace PmPrep.Core.Catalog;

/// <summary>
/// The data lists compiled into pattern sets, with a workspace's extra phrases merged in. Built
/// once per distinct set of extra phrases and shared (immutable after construction).
/// </summary>
public sealed class Lexicon
{
    // Compiled once per distinct set of extra phrases and cues, even when many threads ask at once
    // (Lazy: GetOrAdd alone may run the factory on each racing thread). The weak table remembers
    // the answer per settings object, so a bank of stories checked with one settings object builds
    // its key once, not once per story.
    private static readonly ConcurrentDictionary<string, Lazy<Lexicon>> Cache = new(StringComparer.Ordinal);
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PmPrepSettings, Lexicon> BySettings = new();

    private readonly Dictionary<string, PatternSet<string>> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _sets = new(StringComparer.Ordinal);

    public EngineData Data { get; }
    /// <summary>Every principle's cues, tagged with principle and cue.</summary>
    public PatternSet<(Principle Principle, Cue Cue)> Cues { get; } = new();
    public PatternSet<Cue> Ownership { get; } = new();
    /// <summary>Every principle's acts: patterns anchored at the candidate's verb lemma.</summary>
    public PatternSet<(Principle Principle, Cue Cue)> Acts { get; } = new();

    public static Lexicon For(PmPrepSettings settings)
    {
        if (BySettings.TryGetValue(settings, out var known)) return known;
        var key = settings.LexiconKey;
        if (!Cache.TryGetValue(key, out var lazy))
        {
            if (Cache.Count > 64) Cache.Clear(); // settings churn: do not grow without bound
            lazy = Cache.GetOrAdd(key, _ => new Lazy<Lexicon>(() => new Lexicon(EngineData.Default, settings), LazyThreadSafetyMode.ExecutionAndPublication));
        }
        var lex = lazy.Value;
        BySettings.AddOrUpdate(settings, lex);
        return lex;
    }

    private Lexicon(EngineData data, PmPrepSettings settings)
    {
        Data = data;
        foreach (var (name, patterns) in data.Lists)
        {
            var set = new PatternSet<string>();
            var words = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in patterns) { set.Add(p, p); words.Add(p.ToLowerInvariant()); }
            if (settings.ExtraPhrases.TryGetValue(name, out var extra))
                foreach (var p in extra) { set.Add(p, p); words.Add(p.ToLowerInvariant()); }
            _lists[name] = set;
            _sets[name] = words;
        }
        foreach (var principle in data.Principles)
        {
            foreach (var cue in principle.Cues) Cues.Add(cue.Pattern, (principle, cue));
            foreach (var act in principle.Acts) Acts.Add(act.Pattern, (principle, act));
            if (settings.ExtraCues.TryGetValue(principle.Name, out var extra))
                foreach (var p in extra) Cues.Add(p, (principle, new Cue(p, "A cue added in .pmprep.yaml", false)));
        }
        foreach (var cue in data.OwnershipPhrases) Ownership.Add(cue.Pattern, cue);
    }

    /// <summary>
    /// A list's entries as plain strings, for lists of lemmas or words that the reading layer looks
    /// up by equality ("decide", "sign off") rather than as token patterns.
    /// </summary>
    public HashSet<string> Set(string list) =>
        _sets.TryGetValue(list, out var s) ? s : throw new KeyNotFoundException($"no list \"{list}\" in lexicon.yaml");

    public PatternSet<string> this[string list] =>
        _lists.TryGetValue(list, out var s) ? s : throw new KeyNotFoundException($"no list \"{list}\" in lexicon.yaml");
}
