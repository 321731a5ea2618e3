using System.Collections.Frozen;

namespace PmPrep.Core.Reading;

/// <summary>
/// English closed word classes (pronouns, determiners, auxiliaries, modals, prepositions,
/// conjunctions). These are grammar, not vocabulary: they do not grow, so they live in code.
/// Open-class words (verbs, nouns, adjectives) come from <see cref="WordNet"/>; the lists that say
/// what a rule cares about (decision verbs, team nouns) are data in lexicon.yaml.
/// </summary>
public static class Grammar
{
    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);

    public static readonly HashSet<string> SubjectPronouns = Set("i", "we", "he", "she", "they", "it", "you", "i'm", "i've", "i'd", "i'll",
        "we're", "we've", "we'd", "we'll", "he's", "she's", "they're", "they've", "it's", "you're", "let's", "there", "this", "that", "who");

    public static readonly HashSet<string> Determiners = Set("the", "a", "an", "this", "that", "these", "those", "my", "our", "your", "his", "her",
        "their", "its", "some", "any", "every", "each", "no", "all", "both", "another", "other", "such", "what", "which", "whose", "many", "much",
        "several", "few", "more", "most", "less", "fewer", "one's");

    public static readonly HashSet<string> Prepositions = Set("of", "in", "on", "at", "by", "for", "with", "from", "to", "into", "onto", "over",
        "under", "about", "across", "after", "against", "along", "among", "around", "before", "behind", "below", "beneath", "beside", "between",
        "beyond", "during", "except", "inside", "near", "off", "out", "outside", "past", "per", "since", "through", "throughout", "toward",
        "towards", "until", "till", "up", "upon", "via", "within", "without", "like", "as", "than", "despite", "amid", "vs", "versus");

    /// <summary>Forms of "be".</summary>
    public static readonly HashSet<string> Be = Set("am", "is", "are", "was", "were", "be", "been", "being", "'m", "'re", "'s",
        "isn't", "aren't", "wasn't", "weren't", "i'm", "we're", "it's", "he's", "she's", "they're", "you're", "that's", "there's");

    public static readonly HashSet<string> Have = Set("have", "has", "had", "having", "'ve", "haven't", "hasn't", "hadn't", "i've", "we've", "they've", "you've", "i'd", "we'd");

    public static readonly HashSet<string> Do = Set("do", "does", "did", "don't", "doesn't", "didn't", "done");

    public static readonly Dictionary<string, Mood> Modals = new(StringComparer.Ordinal)
    {
        ["will"] = Mood.Will, ["'ll"] = Mood.Will, ["shall"] = Mood.Will, ["won't"] = Mood.Will, ["i'll"] = Mood.Will, ["we'll"] = Mood.Will,
        ["would"] = Mood.Would, ["wouldn't"] = Mood.Would,
        ["could"] = Mood.Could, ["couldn't"] = Mood.Could, ["might"] = Mood.Could, ["may"] = Mood.Could, ["can"] = Mood.Could,
        ["can't"] = Mood.Could, ["cannot"] = Mood.Could, ["should"] = Mood.Could, ["shouldn't"] = Mood.Could, ["must"] = Mood.Could, ["ought"] = Mood.Could,
    };

    /// <summary>How something did, after "do" as the main verb: "did well", "did better", "did not do as well".</summary>
    public static readonly HashSet<string> MannerOfDoing = Set("well", "better", "worse", "poorly", "badly", "great", "fine", "okay", "ok", "so");

    public static readonly HashSet<string> Negations = Set("not", "never", "n't", "no", "nor", "neither");

    /// <summary>Contractions that carry a negation ("didn't", "wasn't").</summary>
    public static bool IsNegatedForm(string w) => w.EndsWith("n't", StringComparison.Ordinal) || w is "cannot";

    public static readonly HashSet<string> Coordinators = Set("and", "but", "or", "yet", "then", "nor");

    /// <summary>Irregular verbs whose participle is spelled like the base ("was cut", "was set", "was run").</summary>
    public static readonly HashSet<string> BaseFormParticiples = Set("cut", "put", "set", "let", "hit", "shut", "spread", "cost", "quit", "split",
        "burst", "cast", "hurt", "bet", "bid", "broadcast", "forecast", "upset", "read", "run", "come", "become", "overcome", "reset", "offset",
        "input", "output", "outrun", "rerun", "recast", "preset", "shed", "thrust", "undercut", "wed");

    // One look-up instead of four: the reader asks this of nearly every word.
    private static readonly FrozenSet<string> Auxiliaries =
        Be.Concat(Have).Concat(Do).Concat(Modals.Keys).ToFrozenSet(StringComparer.Ordinal);

    public static bool IsAuxiliary(string w) => Auxiliaries.Contains(w);

    /// <summary>Number words that count like digits ("two cities", "three weeks").</summary>
    public static readonly HashSet<string> NumberWords = Set("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
        "billions", "dozen", "dozens", "half", "double", "twice", "triple");
}
