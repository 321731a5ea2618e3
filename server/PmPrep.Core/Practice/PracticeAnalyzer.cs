using PmPrep.Core.Analysis;
using PmPrep.Core.Config;
using PmPrep.Core.Design;
using PmPrep.Core.PrFaq;

namespace PmPrep.Core.Practice;

/// <summary>
/// The front door for any practice file: picks the analyzer by the file's name (see
/// <see cref="PracticeFiles"/>). A path the suffixes do not name is analysed as a story, as before.
/// </summary>
public static class PracticeAnalyzer
{
    public static StoryAnalysis Analyze(string? pathOrUri, string text, PmPrepSettings? settings = null) =>
        Analyze(PracticeFiles.KindOf(pathOrUri) ?? PracticeKind.Story, text, settings);

    public static StoryAnalysis Analyze(PracticeKind kind, string text, PmPrepSettings? settings = null) => kind switch
    {
        PracticeKind.Design => DesignAnalyzer.Analyze(text, settings),
        PracticeKind.PrFaq => PrFaqAnalyzer.Analyze(text, settings),
        _ => StoryAnalyzer.Analyze(text, settings),
    };
}
