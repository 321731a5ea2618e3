using PmPrep.Core.Analysis;
using PmPrep.Core.Reading;

namespace PmPrep.Server.Cli;

/// <summary>
/// `pmprep read TEXT...` (or `-` for standard input): prints how the engine reads each sentence,
/// clause by clause (actor, verb lemma, voice, mood, link). For candidates who want to see why a
/// rule fired, and for rule authors.
/// </summary>
internal static class ReadCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0) { stderr.WriteLine("pmprep: read needs a sentence, or - to read standard input"); return 2; }
        string text = args.Length == 1 && args[0] == "-" ? Console.In.ReadToEnd() : string.Join(" ", args);
        var analysis = StoryAnalyzer.Analyze(text);
        foreach (var s in analysis.Document.Sentences)
        {
            stdout.WriteLine(s.Text.Trim());
            foreach (var c in analysis.Reading.Of(s))
            {
                string verb = c.Lemma is null ? "-" : c.Lemma + (c.Particle is null ? "" : " " + c.Particle) + (c.Then is null ? "" : " to " + c.Then);
                var flags = new List<string>();
                if (c.Voice == Voice.Passive) flags.Add(c.HasAgent ? "passive+agent" : "passive");
                if (c.Mood != Mood.Did) flags.Add(c.Mood.ToString().ToLowerInvariant());
                if (c.Negated) flags.Add("negated");
                if (c.Attempted) flags.Add("attempted");
                if (c.Quoted) flags.Add("quoted");
                if (c.Reported) flags.Add("reported");
                if (c.SubjectShared) flags.Add("shared-subject");
                stdout.WriteLine($"  {(c.Link == Link.None ? "" : c.Link.ToString().ToLowerInvariant() + ": ")}{c.Actor} {verb}{(flags.Count > 0 ? " (" + string.Join(", ", flags) + ")" : "")}  | {c.Text}");
            }
        }
        foreach (var sig in analysis.Signals)
            stdout.WriteLine($"  signal {(sig.Strong ? "strong" : "supporting")} {sig.Label}: \"{sig.Text}\" ({sig.Reason})");
        foreach (var e in analysis.AllEvidence)
            stdout.WriteLine($"  evidence {e.Principle.Name}: {e.Grade.ToString().ToLowerInvariant()} ({e.Signals} signals)");
        return 0;
    }
}
