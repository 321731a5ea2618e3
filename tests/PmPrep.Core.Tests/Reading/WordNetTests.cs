using PmPrep.Core.Reading;

namespace PmPrep.Core.Tests.Reading;

/// <summary>The WordNet word-class data and its morphology: lemmas, verb forms, classes, frequencies, near misses.</summary>
public class WordNetTests
{
    [Theory]
    [InlineData("completed", "complete")]
    [InlineData("went", "go")]
    [InlineData("launches", "launch")]
    [InlineData("shipped", "ship")]
    [InlineData("planned", "plan")]
    [InlineData("stopped", "stop")]
    [InlineData("made", "make")]
    [InlineData("identified", "identify")]
    [InlineData("used", "use")]
    [InlineData("led", "lead")]
    [InlineData("spent", "spend")]
    [InlineData("was", "be")]
    [InlineData("were", "be")]
    [InlineData("is", "be")]
    [InlineData("had", "have")]
    [InlineData("did", "do")]
    [InlineData("feed", "feed")]
    [InlineData("fed", "feed")]
    [InlineData("running", "run")]
    [InlineData("making", "make")]
    [InlineData("hoped", "hope")]
    [InlineData("hopped", "hop")]
    [InlineData("stared", "stare")]
    [InlineData("starred", "star")]
    [InlineData("found", "find")]
    [InlineData("saw", "see")]
    [InlineData("rebuilt", "rebuild")]
    [InlineData("misled", "mislead")]
    [InlineData("applies", "apply")]
    [InlineData("dying", "die")]
    [InlineData("panicked", "panic")]
    [InlineData("agreed", "agree")]
    [InlineData("needed", "need")]
    [InlineData("visited", "visit")]
    [InlineData("admitted", "admit")]
    [InlineData("didn't", "do")]
    [InlineData("won't", "will")]
    [InlineData("could", "could")]
    [InlineData("Launched", "launch")]
    [InlineData("set up", "set up")]
    [InlineData("setting up", "set up")]
    [InlineData("rolled out", "roll out")]
    [InlineData("pushed back", "push back")]
    [InlineData("followed up", "follow up")]
    [InlineData("signs off", "sign off")]
    public void VerbLemma_finds_the_lemma(string form, string lemma) => Assert.Equal(lemma, WordNet.VerbLemma(form));

    [Theory]
    [InlineData("bed")]
    [InlineData("seed")]
    [InlineData("red")]
    [InlineData("need")]
    public void VerbLemma_does_not_read_a_word_as_a_regular_past_of_an_irregular_verb(string form)
    {
        // "bed" is its own verb, never "be" + -d; "red" is no verb at all.
        Assert.NotEqual("be", WordNet.VerbLemma(form));
        Assert.NotEqual("see", WordNet.VerbLemma(form));
        Assert.NotEqual("re", WordNet.VerbLemma(form));
    }

    [Theory]
    [InlineData("user")]
    [InlineData("red")]
    [InlineData("ahead")]
    [InlineData("children")]
    [InlineData("the")]
    [InlineData("he")]
    [InlineData("of")]
    [InlineData("quickly")]
    [InlineData("zzzq")]
    [InlineData("")]
    [InlineData("we're")]
    [InlineData("rolled sideways")]
    public void VerbLemma_is_null_for_what_is_no_verb_form(string form)
    {
        Assert.Null(WordNet.VerbLemma(form));
        Assert.Equal(VerbForm.None, WordNet.VerbFormOf(form));
        Assert.False(WordNet.IsVerb(form));
    }

    [Theory]
    [InlineData("wrote", VerbForm.Past)]
    [InlineData("went", VerbForm.Past)]
    [InlineData("ran", VerbForm.Past)]
    [InlineData("was", VerbForm.Past)]
    [InlineData("did", VerbForm.Past)]
    [InlineData("written", VerbForm.Participle)]
    [InlineData("gone", VerbForm.Participle)]
    [InlineData("been", VerbForm.Participle)]
    [InlineData("chosen", VerbForm.Participle)]
    [InlineData("made", VerbForm.PastOrParticiple)]
    [InlineData("built", VerbForm.PastOrParticiple)]
    [InlineData("led", VerbForm.PastOrParticiple)]
    [InlineData("had", VerbForm.PastOrParticiple)]
    [InlineData("completed", VerbForm.PastOrParticiple)]
    [InlineData("shipped", VerbForm.PastOrParticiple)]
    [InlineData("launches", VerbForm.ThirdPerson)]
    [InlineData("is", VerbForm.ThirdPerson)]
    [InlineData("has", VerbForm.ThirdPerson)]
    [InlineData("does", VerbForm.ThirdPerson)]
    [InlineData("running", VerbForm.Gerund)]
    [InlineData("being", VerbForm.Gerund)]
    [InlineData("launch", VerbForm.Base)]
    [InlineData("are", VerbForm.Base)]
    [InlineData("put", VerbForm.Base)]
    [InlineData("would", VerbForm.Base)]
    [InlineData("rolled out", VerbForm.PastOrParticiple)]
    [InlineData("setting up", VerbForm.Gerund)]
    public void VerbFormOf_tells_past_participle_and_the_rest(string form, VerbForm expected) => Assert.Equal(expected, WordNet.VerbFormOf(form));

    [Theory]
    [InlineData("need", Pos.Noun | Pos.Verb)]
    [InlineData("record", Pos.Noun | Pos.Verb)]
    [InlineData("present", Pos.Noun | Pos.Verb | Pos.Adjective)]
    [InlineData("red", Pos.Noun | Pos.Adjective)]
    [InlineData("user", Pos.Noun)]
    [InlineData("users", Pos.Noun)]
    [InlineData("children", Pos.Noun)]
    [InlineData("ahead", Pos.Adjective | Pos.Adverb)]
    [InlineData("quickly", Pos.Adverb)]
    [InlineData("cheaper", Pos.Adjective)]
    [InlineData("number", Pos.Noun | Pos.Verb)] // no comparative of "numb"
    [InlineData("offer", Pos.Noun | Pos.Verb)] // adj.exc's "offer off" is dropped
    [InlineData("was", Pos.Verb)]
    [InlineData("is", Pos.Verb)] // not the plural of the letter "i"
    [InlineData("does", Pos.Verb)] // not the plural of "doe"
    [InlineData("had", Pos.Verb)]
    [InlineData("could", Pos.Verb)]
    [InlineData("will", Pos.Noun | Pos.Verb)]
    [InlineData("he", Pos.None)] // WordNet: helium
    [InlineData("us", Pos.None)] // WordNet: the United States
    [InlineData("it", Pos.None)]
    [InlineData("the", Pos.None)]
    [InlineData("of", Pos.None)]
    [InlineData("because", Pos.None)]
    [InlineData("in", Pos.Adjective | Pos.Adverb)] // WordNet also has inch and indium
    [InlineData("up", Pos.Adjective | Pos.Adverb)]
    [InlineData("so", Pos.Adverb)]
    [InlineData("set up", Pos.Verb)]
    [InlineData("signed off", Pos.Verb)]
    [InlineData("zzzq", Pos.None)]
    [InlineData("café", Pos.None)]
    public void PosOf_gives_every_class_and_none_for_function_words(string form, Pos expected) => Assert.Equal(expected, WordNet.PosOf(form));

    [Theory]
    [InlineData("need", Pos.Verb)]
    [InlineData("record", Pos.Noun)]
    [InlineData("present", Pos.Verb)]
    [InlineData("ahead", Pos.Adverb)]
    [InlineData("used", Pos.Verb)]
    [InlineData("red", Pos.Adjective)]
    [InlineData("will", Pos.Verb)] // a modal, whatever WordNet counted for the noun
    [InlineData("can", Pos.Verb)]
    [InlineData("back", Pos.Adverb)]
    [InlineData("the", Pos.None)]
    [InlineData("zzzq", Pos.None)]
    public void MostFrequent_prefers_the_frequent_reading(string form, Pos expected) => Assert.Equal(expected, WordNet.MostFrequent(form));

    [Fact]
    public void Frequency_comes_from_the_tagged_senses_and_is_zero_where_the_class_is_absent()
    {
        Assert.True(WordNet.Frequency("record", Pos.Noun) > WordNet.Frequency("record", Pos.Verb));
        Assert.True(WordNet.Frequency("record", Pos.Verb) > 0);
        Assert.True(WordNet.Frequency("present", Pos.Verb) > WordNet.Frequency("present", Pos.Noun));
        Assert.True(WordNet.Frequency("present", Pos.Adjective) > WordNet.Frequency("present", Pos.Noun));
        Assert.Equal(0, WordNet.Frequency("user", Pos.Verb));
        Assert.Equal(0, WordNet.Frequency("he", Pos.Noun));
        Assert.Equal(0, WordNet.Frequency("zzzq", Pos.Noun | Pos.Verb));
        // An inflection counts as its lemma: "went" as often as "go", "was" as "be".
        Assert.Equal(WordNet.Frequency("go", Pos.Verb), WordNet.Frequency("went", Pos.Verb));
        Assert.Equal(WordNet.Frequency("be", Pos.Verb), WordNet.Frequency("was", Pos.Verb));
        Assert.True(WordNet.Frequency("be", Pos.Verb) > WordNet.Frequency("make", Pos.Verb));
        // A combination of classes gives the largest.
        Assert.Equal(WordNet.Frequency("record", Pos.Noun), WordNet.Frequency("record", Pos.Noun | Pos.Verb));
    }

    [Fact]
    public void The_data_loads_and_holds_the_known_verbs()
    {
        var data = WordNetData.Load();
        Assert.InRange(data.Count, 80_000, 120_000);
        foreach (var v in new[] { "launch", "ship", "decide", "analyze", "negotiate", "prioritize", "escalate", "measure", "test", "build", "hire", "reduce", "increase", "deliver" })
        {
            Assert.True(data.TryGet(v, out var facets), v);
            Assert.Contains((byte)'v', facets.ToArray());
            Assert.Equal(v, WordNet.VerbLemma(v));
            Assert.True(WordNet.IsVerb(v), v);
        }
        Assert.False(data.TryGet("zzzq", out _));
    }

    [Fact]
    public void Answers_are_the_same_from_any_thread()
    {
        var forms = new[] { "completed", "went", "record", "bed", "was", "rolled out", "the", "users" };
        var expected = forms.Select(f => (WordNet.PosOf(f), WordNet.VerbLemma(f), WordNet.VerbFormOf(f), WordNet.MostFrequent(f))).ToArray();
        Parallel.For(0, 64, i =>
        {
            var f = forms[i % forms.Length];
            Assert.Equal(expected[i % forms.Length], (WordNet.PosOf(f), WordNet.VerbLemma(f), WordNet.VerbFormOf(f), WordNet.MostFrequent(f)));
        });
    }

    [Fact]
    public void The_WordNet_licence_is_embedded_beside_the_data_and_kept_in_the_repository()
    {
        var text = WordNetData.LicenseText();
        Assert.Contains("WordNet 3.1 Copyright 2011 by Princeton University", text);
        Assert.Contains("Permission to use, copy, modify and distribute", text);
        Assert.Contains("PROVIDED \"AS IS\"", text);
        var names = typeof(WordNet).Assembly.GetManifestResourceNames();
        Assert.Contains(WordNetData.ResourceName, names);
        Assert.Contains(WordNetData.LicenseResourceName, names);

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PmPrep.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        Assert.Equal(text, File.ReadAllText(Path.Combine(dir!.FullName, "server/PmPrep.Core/Data/wordnet/LICENSE-WordNet.txt")));
        Assert.Contains("LICENSE-WordNet.txt", File.ReadAllText(Path.Combine(dir.FullName, "README.md")));
        // The VSIX carries it: the packaging script stages it and .vscodeignore lets it in.
        Assert.Contains("Data/wordnet/LICENSE-WordNet.txt'), path.join(stage, 'LICENSE-WordNet.txt')", File.ReadAllText(Path.Combine(dir.FullName, "scripts/package.mjs")));
        Assert.Contains("\n!LICENSE-WordNet.txt", File.ReadAllText(Path.Combine(dir.FullName, ".vscodeignore")).ReplaceLineEndings("\n"));
    }
}
