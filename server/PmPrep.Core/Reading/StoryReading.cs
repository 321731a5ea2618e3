using PmPrep.Core.Catalog;
using PmPrep.Core.Model;

namespace PmPrep.Core.Reading;

/// <summary>The clauses of every sentence of one story, read once and shared by rules, signals and fixes.</summary>
public sealed class StoryReading
{
    private readonly Clause[][] _bySentence;

    private StoryReading(Clause[][] bySentence) { _bySentence = bySentence; }

    public static StoryReading Read(StoryDocument doc, Lexicon lex)
    {
        var all = new Clause[doc.Sentences.Count][];
        for (int i = 0; i < all.Length; i++) all[i] = ClauseReader.Read(doc.Sentences[i], lex);
        return new StoryReading(all);
    }

    /// <summary>The clauses of a sentence, in order.</summary>
    public Clause[] Of(Sentence s) => s.Index >= 0 && s.Index < _bySentence.Length ? _bySentence[s.Index] : Array.Empty<Clause>();

    /// <summary>The clause holding word <paramref name="word"/> of the sentence, or null.</summary>
    public Clause? At(Sentence s, int word)
    {
        foreach (var c in Of(s)) if (c.Contains(word)) return c;
        return null;
    }

    public IEnumerable<Clause> All => _bySentence.SelectMany(x => x);
}
