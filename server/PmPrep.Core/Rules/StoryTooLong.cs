using PmPrep.Core.Catalog;

namespace PmPrep.Core.Rules;

/// <summary>story-too-long: spoken length over the target maximum (warning), or over the limit (error).</summary>
public sealed class StoryTooLong : Rule
{
    public override string Id => "story-too-long";

    public override void Check(RuleContext ctx)
    {
        var s = ctx.Settings;
        if (ctx.Minutes <= s.MaxMinutes) return;
        var (start, end) = StoryAnchor.Title(ctx.Document);
        // Over the hard limit the default warning becomes an error (unless the user set a severity).
        ctx.Report(Id, start, end, LengthArgs.For(ctx), escalateTo: ctx.Minutes > s.LimitMinutes ? Severity.Error : null);
    }
}

internal static class LengthArgs
{
    public static Dictionary<string, string> For(RuleContext ctx)
    {
        var s = ctx.Settings;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return new Dictionary<string, string>
        {
            ["minutes"] = ctx.Minutes.ToString("0.0", inv),
            ["words"] = ctx.Document.Words.ToString(inv),
            ["wpm"] = s.WordsPerMinute.ToString("0", inv),
            ["min"] = s.MinMinutes.ToString("0.0##", inv),
            ["max"] = s.MaxMinutes.ToString("0.0##", inv),
        };
    }
}
