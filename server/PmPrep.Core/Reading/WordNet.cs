using System.Collections.Concurrent;

namespace PmPrep.Core.Reading;

/// <summary>Word classes, as WordNet names them (a form can take several).</summary>
[Flags]
public enum Pos : byte
{
    None = 0,
    Noun = 1,
    Verb = 2,
    Adjective = 4,
    Adverb = 8,
}

/// <summary>How a form inflects a verb.</summary>
public enum VerbForm : byte
{
    /// <summary>No verb form.</summary>
    None,
    /// <summary>The lemma itself ("launch", "run", "put"), also the present of "am"/"are" and a modal ("could").</summary>
    Base,
    /// <summary>Third person present: "-s" ("launches", "is", "has", "does").</summary>
    ThirdPerson,
    /// <summary>An irregular past that is not the participle: "wrote", "went", "ran", "was".</summary>
    Past,
    /// <summary>An irregular past participle that is not the past: "written", "gone", "been".</summary>
    Participle,
    /// <summary>Past and participle spelled alike: any regular "-ed" ("completed", "shipped") and "made", "built", "led", "had".</summary>
    PastOrParticiple,
    /// <summary>"-ing": "running", "making", "being".</summary>
    Gerund,
}

/// <summary>
/// English word classes and verb morphology from WordNet 3.1 (Princeton University; licence in
/// <c>Data/wordnet/LICENSE-WordNet.txt</c>, embedded beside the data). The data
/// (<c>Data/wordnet/wordnet.deflate</c>, written by <c>scripts/build-wordnet.mjs</c>) holds WordNet's
/// single-word lemmas with their classes and tagged-sense frequencies, two-word verbs with a
/// particle ("set up", "roll out", "push back", "follow up", "sign off"), WordNet's exception
/// lists (irregular forms) and PmPrep's tables of irregular verbs (past vs participle) and
/// function words. It is loaded once per process on first use (a few milliseconds), is
/// immutable afterwards, and every method is thread-safe, deterministic and allocation-light.
/// <para>
/// Forms are analysed as WordNet's morphy does: the form itself as a lemma, its exception-list
/// entries, and the regular suffix rules (nouns -s -es -ies -men; verbs -s -es -ies -ed -d -ied
/// -ing -ying; adjectives -er -est), each kept only when it gives a lemma of that class. For
/// verbs PmPrep adds doubled consonants ("shipped", "planning", "panicked"), refuses a regular
/// "-ed" on an irregular verb ("bed" is no past of "be", "seed" none of "see"), and refuses a
/// stem that would have doubled ("hoped" is "hope", not "hop").
/// </para>
/// <para>
/// Words WordNet lacks or gets wrong for running text are set by a closed list
/// (<c>function-words.tsv</c>): pronouns, articles, demonstratives, wh-words, prepositions and
/// conjunctions are <see cref="Pos.None"/> (whatever rare sense WordNet has: "he" helium, "us"
/// the United States, "it" information technology); prepositions that are also particles (in, on,
/// up, out, off, down, over) are only adjective and adverb; "so", "as", "though" adverb only,
/// "while" a noun. The auxiliaries are verbs and nothing else: "is", "am", "are", "was",
/// "were", "been" (lemma "be"), "has", "had" (lemma "have"), "does", "did" (lemma "do"); "be",
/// "have", "do", "being", "done" keep WordNet's other classes too. Modals (can, could, will,
/// would, shall, should, may, might, must) are verbs whose lemma is the modal itself, in
/// <see cref="VerbForm.Base"/>; "can", "will", "might", "must" are nouns too. Negative
/// contractions read as their auxiliary: "didn't" as "did", "won't" as "will", "can't" and
/// "cannot" as "can", "ain't" as "be" (verb only). Other contractions ("we're", "i've") are
/// <see cref="Pos.None"/>.
/// </para>
/// Input is a single word or a two-word phrasal verb in lower case (ASCII upper case is folded,
/// and the typographic apostrophe ’ read as '); anything else is unknown: <see cref="Pos.None"/>,
/// no lemma, frequency 0.
/// </summary>
public static class WordNet
{
    /// Every class the lower-case form can take, as a lemma or an inflection (WordNet morphy rules + exception lists).
    /// Function words are <see cref="Pos.None"/>, auxiliaries <see cref="Pos.Verb"/> (see the class remarks).
    public static Pos PosOf(string lower) => Analyze(lower).Pos;

    /// The verb lemma of a form: "completed" -> "complete", "went" -> "go", "launches" -> "launch", "shipped" -> "ship",
    /// "made" -> "make", "was" -> "be", "setting up" -> "set up"; null when it is no verb form. When the form
    /// belongs to several verbs, the one with the larger WordNet frequency wins ("found" -> "find", "feed" -> "feed").
    public static string? VerbLemma(string lower) => Analyze(lower).VerbLemma;

    /// How the form inflects a verb (None when it is no verb form). Irregular verbs distinguish Past ("wrote",
    /// "went", "ran") from Participle ("written", "gone"); same spelling is PastOrParticiple ("made", "built"), as is
    /// every regular "-ed". A form that is also its verb's base ("put", "cut", "run", "come") is Base: the
    /// context decides whether it is a past.
    public static VerbForm VerbFormOf(string lower) => Analyze(lower).VerbForm;

    /// WordNet's tagged-sense counts for the form in each class (0 when absent): how often the form's lemma was
    /// seen in that class in WordNet's sense-tagged corpora ("present": adjective 99, verb 114, noun 21). For a
    /// combination of classes, the largest. Lets a caller prefer the frequent reading ("record" noun vs verb).
    public static int Frequency(string lower, Pos pos) => Analyze(lower).FrequencyOf(pos);

    /// The most frequent class of the form (by the tagged-sense counts of its lemma(s); ties go to the class with
    /// more senses, then in the order noun, verb, adjective, adverb), None if unknown. Auxiliaries and modals are
    /// Verb ("will", "can", "must": WordNet counts only their noun and full-verb senses).
    public static Pos MostFrequent(string lower) => Analyze(lower).MostFrequent;

    /// Whether the form can be a verb (<see cref="PosOf"/> contains <see cref="Pos.Verb"/>).
    public static bool IsVerb(string lower) => (PosOf(lower) & Pos.Verb) != 0;

    // ---------------------------------------------------------------------------------------

    private static readonly (string Suffix, string Ending)[] NounRules =
        [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")];

    private static readonly (string Suffix, string Ending)[] AdjectiveRules = [("er", ""), ("est", ""), ("er", "e"), ("est", "e")];

    private static readonly (string Suffix, string Ending, VerbForm Form)[] VerbRules =
    [
        ("s", "", VerbForm.ThirdPerson), ("ies", "y", VerbForm.ThirdPerson), ("es", "e", VerbForm.ThirdPerson), ("es", "", VerbForm.ThirdPerson),
        ("ed", "e", VerbForm.PastOrParticiple), ("ed", "", VerbForm.PastOrParticiple), ("ied", "y", VerbForm.PastOrParticiple),
        ("ing", "e", VerbForm.Gerund), ("ing", "", VerbForm.Gerund), ("ying", "ie", VerbForm.Gerund),
    ];

    // Candidate priority when frequencies tie: the form as a lemma, the irregular table, WordNet's exception list, a suffix rule.
    private const int FromSelf = 0, FromTable = 1, FromExceptions = 2, FromRule = 3;

    // Answers per form, so that the rules' many questions about the same words cost a dictionary lookup each. Bounded:
    // past the limit new forms are analysed every time (same answers, only slower), so memory cannot grow without end.
    private const int CacheLimit = 1 << 16;
    private static readonly ConcurrentDictionary<string, WordAnalysis> Cache = new(StringComparer.Ordinal);
    private static int _cached;

    // In front of the shared cache, one per thread: a plain Dictionary hashes a short word faster
    // than the ConcurrentDictionary (3.7% of a 1 MB check's CPU under Native AOT was its look-up),
    // and the rules ask about the same words many times per sentence. Bounded like the shared one.
    [ThreadStatic] private static Dictionary<string, WordAnalysis>? _local;

    internal static WordAnalysis Analyze(string? word)
    {
        if (string.IsNullOrEmpty(word) || word.Length > 64) return default;
        var local = _local ??= new Dictionary<string, WordAnalysis>(StringComparer.Ordinal);
        if (local.TryGetValue(word, out var known)) return known;
        if (!Cache.TryGetValue(word, out known))
        {
            known = Compute(word);
            if (Volatile.Read(ref _cached) < CacheLimit && Cache.TryAdd(word, known)) Interlocked.Increment(ref _cached);
        }
        if (local.Count < CacheLimit) local[word] = known;
        return known;
    }

    private static WordAnalysis Compute(string word)
    {
        var w = Normalize(word);
        if (w.Length > 3 && w.EndsWith("n't", StringComparison.Ordinal)) return Contraction(w);
        if (w == "cannot") return Contraction("can't");
        var space = w.LastIndexOf(' ');
        if (space >= 0) return Phrasal(w, space);
        return Single(w);
    }

    private static string Normalize(string word)
    {
        foreach (var c in word)
            if (c is (>= 'A' and <= 'Z') or '\u2019')
                return string.Create(word.Length, word, static (dst, src) =>
                {
                    for (var i = 0; i < src.Length; i++)
                    {
                        var c = src[i];
                        dst[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c == '\u2019' ? '\'' : c;
                    }
                });
        return word;
    }

    private static WordAnalysis Contraction(string w)
    {
        var aux = w switch
        {
            "won't" => "will",
            "can't" => "can",
            "shan't" => "shall",
            "ain't" => "be",
            _ => w[..^3],
        };
        var a = Single(aux);
        if ((a.Pos & Pos.Verb) == 0) return default;
        return new WordAnalysis { Pos = Pos.Verb, VerbFrequency = a.VerbFrequency, VerbSenses = a.VerbSenses, VerbLemma = a.VerbLemma, VerbForm = a.VerbForm };
    }

    private static WordAnalysis Phrasal(string w, int space)
    {
        var particle = w.AsSpan(space + 1);
        if (particle.IsEmpty || particle.Contains(' ') || space == 0 || w.IndexOf(' ') != space) return default;
        var head = Single(w[..space]);
        if (head.VerbLemma is null) return default;
        // The head's best verb reading gives the form; the phrase must be a WordNet verb of that lemma.
        var data = WordNetData.Instance;
        Span<char> key = stackalloc char[head.VerbLemma.Length + 1 + particle.Length];
        head.VerbLemma.AsSpan().CopyTo(key);
        key[head.VerbLemma.Length] = ' ';
        particle.CopyTo(key[(head.VerbLemma.Length + 1)..]);
        if (!data.TryGet(key, out var facets)) return default;
        var r = new FacetReader(facets);
        while (r.MoveNext())
        {
            if (r.Kind != (byte)'v') continue;
            var (freq, senses) = r.Numbers();
            return new WordAnalysis { Pos = Pos.Verb, VerbFrequency = freq, VerbSenses = senses, VerbLemma = new string(key), VerbForm = head.VerbForm };
        }
        return default;
    }

    private static WordAnalysis Single(string w)
    {
        var data = WordNetData.Instance;
        var a = new WordAnalysis();
        var verb = new VerbCandidate();
        Pos? only = null;
        var tableLink = false;
        if (data.TryGet(w, out var facets))
        {
            var r = new FacetReader(facets);
            while (r.MoveNext())
            {
                switch (r.Kind)
                {
                    case (byte)'n' or (byte)'v' or (byte)'a' or (byte)'r':
                        var (freq, senses) = r.Numbers();
                        var pos = ClassOf(r.Kind);
                        a.Add(pos, freq, senses);
                        if (pos == Pos.Verb) verb.Offer(w, VerbForm.Base, freq, FromSelf);
                        break;
                    case (byte)'N' or (byte)'A' or (byte)'R':
                        var cls = ClassOf((byte)(r.Kind + 32));
                        // adj.exc has "offer off": a tagged lemma of another class is no comparative (see the rules below)
                        if (cls == Pos.Adjective && (a.Pos & Pos.Adjective) == 0 && a.FrequencyOf(Pos.Noun | Pos.Verb | Pos.Adverb) > 0) break;
                        if (LemmaNumbers(data, r.Value, r.Kind, out var f, out var s)) a.Add(cls, f, s);
                        break;
                    case (byte)'V':
                        OfferLink(data, ref a, ref verb, r.Value, SuffixForm(w), FromExceptions);
                        break;
                    case (byte)'P':
                        OfferLink(data, ref a, ref verb, r.Value, VerbForm.Past, FromTable);
                        tableLink = true;
                        break;
                    case (byte)'Q':
                        OfferLink(data, ref a, ref verb, r.Value, VerbForm.Participle, FromTable);
                        tableLink = true;
                        break;
                    case (byte)'B':
                        OfferLink(data, ref a, ref verb, r.Value, VerbForm.PastOrParticiple, FromTable);
                        tableLink = true;
                        break;
                    case (byte)'T':
                        OfferLink(data, ref a, ref verb, r.Value, VerbForm.ThirdPerson, FromTable);
                        tableLink = true;
                        break;
                    case (byte)'S':
                        OfferLink(data, ref a, ref verb, r.Value, VerbForm.Base, FromTable);
                        tableLink = true;
                        break;
                    case (byte)'F':
                        var p = Pos.None;
                        foreach (var c in r.Value) p |= ClassOf((byte)c);
                        only = p;
                        break;
                }
            }
        }

        Span<char> buf = stackalloc char[w.Length + 4];
        foreach (var (suffix, ending) in NounRules)
            if (Stem(w, suffix, ending, buf, out var cand) && LemmaNumbers(data, cand, (byte)'n', out var f, out var s)) a.Add(Pos.Noun, f, s);
        // "number" is no comparative of "numb", nor "owner" of "own": a form that is itself a lemma someone tagged
        // takes no comparative reading ("longer", a noun nobody tagged, still reads as "long").
        if (a.FrequencyOf(Pos.Noun | Pos.Verb | Pos.Adjective | Pos.Adverb) == 0)
            foreach (var (suffix, ending) in AdjectiveRules)
                if (Stem(w, suffix, ending, buf, out var cand) && LemmaNumbers(data, cand, (byte)'a', out var f, out var s)) a.Add(Pos.Adjective, f, s);
        foreach (var (suffix, ending, form) in VerbRules)
        {
            if (!Stem(w, suffix, ending, buf, out var cand)) continue;
            OfferRegular(data, ref a, ref verb, cand, form, suffix, undoubled: false);
            // shipped -> ship, planning -> plan, panicked -> panic
            if (ending.Length == 0 && suffix is "ed" or "ing" && cand.Length >= 3)
            {
                var last = cand[^1];
                if ((last == cand[^2] && IsConsonant(last) && last != 's') || (last == 'k' && cand[^2] == 'c'))
                    OfferRegular(data, ref a, ref verb, cand[..^1], form, suffix, undoubled: true);
            }
        }

        if (verb.Lemma is not null)
        {
            a.VerbLemma = verb.Lemma;
            a.VerbForm = verb.Form;
        }
        if (only is { } keep)
        {
            a.Restrict(keep);
            a.Auxiliary = tableLink && (keep & Pos.Verb) != 0;
        }
        return a;
    }

    private static void OfferRegular(WordNetData data, ref WordAnalysis a, ref VerbCandidate verb, ReadOnlySpan<char> lemma, VerbForm form, string suffix, bool undoubled)
    {
        if (lemma.Length < 2 || !data.TryGet(lemma, out var facets)) return;
        int freq = -1, senses = 0;
        var irregular = false;
        var r = new FacetReader(facets);
        while (r.MoveNext())
        {
            if (r.Kind == (byte)'v') (freq, senses) = r.Numbers();
            else if (r.Kind == (byte)'I') irregular = true;
        }
        if (freq < 0) return;
        if (form == VerbForm.PastOrParticiple && irregular) return; // "bed" is no past of "be": the table lists be's pasts
        // A one-syllable stem ending consonant-vowel-consonant doubles before -ed/-ing ("hop" -> "hopped"), so
        // "hoped"/"hoping" are not forms of it.
        if (suffix is "ed" or "ing" && !undoubled && form != VerbForm.ThirdPerson && WouldDouble(lemma)) return;
        a.Add(Pos.Verb, freq, senses);
        verb.Offer(lemma, form, freq, FromRule);
    }

    private static void OfferLink(WordNetData data, ref WordAnalysis a, ref VerbCandidate verb, ReadOnlySpan<byte> lemma, VerbForm form, int priority)
    {
        LemmaNumbers(data, lemma, (byte)'v', out var freq, out var senses);
        a.Add(Pos.Verb, freq, senses);
        Span<char> chars = stackalloc char[lemma.Length];
        for (var i = 0; i < lemma.Length; i++) chars[i] = (char)lemma[i];
        verb.Offer(chars, form, freq, priority);
    }

    /// <summary>The frequency and senses of <paramref name="lemma"/> in the class <paramref name="kind"/> (n v a r, or N A R).</summary>
    private static bool LemmaNumbers(WordNetData data, ReadOnlySpan<byte> lemma, byte kind, out int freq, out int senses)
    {
        freq = 0;
        senses = 0;
        return data.TryGet(lemma, out var facets) && Numbers(facets, kind, out freq, out senses);
    }

    private static bool LemmaNumbers(WordNetData data, ReadOnlySpan<char> lemma, byte kind, out int freq, out int senses)
    {
        freq = 0;
        senses = 0;
        return data.TryGet(lemma, out var facets) && Numbers(facets, kind, out freq, out senses);
    }

    private static bool Numbers(ReadOnlySpan<byte> facets, byte kind, out int freq, out int senses)
    {
        if (kind is >= (byte)'A' and <= (byte)'Z') kind += 32;
        var r = new FacetReader(facets);
        while (r.MoveNext())
            if (r.Kind == kind)
            {
                (freq, senses) = r.Numbers();
                return true;
            }
        freq = 0;
        senses = 0;
        return false;
    }

    private static bool Stem(string w, string suffix, string ending, Span<char> buf, out ReadOnlySpan<char> stem)
    {
        stem = default;
        if (w.Length <= suffix.Length || !w.EndsWith(suffix, StringComparison.Ordinal)) return false;
        var root = w.AsSpan(0, w.Length - suffix.Length);
        root.CopyTo(buf);
        ending.AsSpan().CopyTo(buf[root.Length..]);
        stem = buf[..(root.Length + ending.Length)];
        return true;
    }

    private static VerbForm SuffixForm(string w) =>
        w.EndsWith("ing", StringComparison.Ordinal) ? VerbForm.Gerund
        : w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? VerbForm.ThirdPerson
        : VerbForm.PastOrParticiple;

    private static bool IsConsonant(char c) => c is >= 'a' and <= 'z' and not ('a' or 'e' or 'i' or 'o' or 'u');

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>One vowel group, ending vowel + consonant (not w, x, y): "hop", "plan", "star"; not "open", "rain", "fix".</summary>
    internal static bool WouldDouble(ReadOnlySpan<char> stem)
    {
        if (stem.Length < 2) return false;
        var last = stem[^1];
        if (!IsConsonant(last) || last is 'w' or 'x' or 'y' || !IsVowel(stem[^2])) return false;
        if (stem.Length >= 3 && IsVowel(stem[^3])) return false;
        var groups = 0;
        for (var i = 0; i < stem.Length; i++)
            if (IsVowel(stem[i]) && (i == 0 || !IsVowel(stem[i - 1]))) groups++;
        return groups == 1;
    }

    private static Pos ClassOf(byte kind) => kind switch
    {
        (byte)'n' => Pos.Noun,
        (byte)'v' => Pos.Verb,
        (byte)'a' => Pos.Adjective,
        (byte)'r' => Pos.Adverb,
        _ => Pos.None,
    };

    private struct VerbCandidate
    {
        public string? Lemma;
        public VerbForm Form;
        private int _freq;
        private int _priority;

        public void Offer(ReadOnlySpan<char> lemma, VerbForm form, int freq, int priority)
        {
            if (Lemma is not null && (freq < _freq || (freq == _freq && priority >= _priority))) return;
            Lemma = lemma.SequenceEqual(Lemma) ? Lemma : new string(lemma);
            Form = form;
            _freq = freq;
            _priority = priority;
        }
    }
}

/// <summary>What <see cref="WordNet"/> knows of one form: its classes, frequency per class and verb reading.</summary>
internal struct WordAnalysis
{
    public Pos Pos;
    public int NounFrequency, VerbFrequency, AdjectiveFrequency, AdverbFrequency;
    public int NounSenses, VerbSenses, AdjectiveSenses, AdverbSenses;
    public string? VerbLemma;
    public VerbForm VerbForm;
    /// <summary>An auxiliary or modal: a verb in running text whatever WordNet counted ("will" as a noun).</summary>
    public bool Auxiliary;

    public void Add(Pos pos, int freq, int senses)
    {
        Pos |= pos;
        switch (pos)
        {
            case Pos.Noun: Max(ref NounFrequency, ref NounSenses, freq, senses); break;
            case Pos.Verb: Max(ref VerbFrequency, ref VerbSenses, freq, senses); break;
            case Pos.Adjective: Max(ref AdjectiveFrequency, ref AdjectiveSenses, freq, senses); break;
            case Pos.Adverb: Max(ref AdverbFrequency, ref AdverbSenses, freq, senses); break;
        }
    }

    private static void Max(ref int f, ref int s, int freq, int senses)
    {
        if (freq > f || (freq == f && senses > s))
        {
            f = freq;
            s = senses;
        }
    }

    /// <summary>Keeps exactly the classes <paramref name="keep"/> (a function word's own classes).</summary>
    public void Restrict(Pos keep)
    {
        Pos = keep;
        if ((keep & Pos.Noun) == 0) NounFrequency = NounSenses = 0;
        if ((keep & Pos.Adjective) == 0) AdjectiveFrequency = AdjectiveSenses = 0;
        if ((keep & Pos.Adverb) == 0) AdverbFrequency = AdverbSenses = 0;
        if ((keep & Pos.Verb) == 0)
        {
            VerbFrequency = VerbSenses = 0;
            VerbLemma = null;
            VerbForm = VerbForm.None;
        }
    }

    public readonly int FrequencyOf(Pos pos)
    {
        var f = 0;
        if ((pos & Pos.Noun) != 0) f = Math.Max(f, NounFrequency);
        if ((pos & Pos.Verb) != 0) f = Math.Max(f, VerbFrequency);
        if ((pos & Pos.Adjective) != 0) f = Math.Max(f, AdjectiveFrequency);
        if ((pos & Pos.Adverb) != 0) f = Math.Max(f, AdverbFrequency);
        return f;
    }

    public readonly Pos MostFrequent
    {
        get
        {
            if (Auxiliary) return Pos.Verb;
            var best = Pos.None;
            var have = Pos;
            int bf = -1, bs = -1;
            Consider(Pos.Noun, NounFrequency, NounSenses);
            Consider(Pos.Verb, VerbFrequency, VerbSenses);
            Consider(Pos.Adjective, AdjectiveFrequency, AdjectiveSenses);
            Consider(Pos.Adverb, AdverbFrequency, AdverbSenses);
            return best;

            void Consider(Pos p, int f, int s)
            {
                if ((have & p) == 0) return;
                if (f > bf || (f == bf && s > bs))
                {
                    best = p;
                    bf = f;
                    bs = s;
                }
            }
        }
    }
}
