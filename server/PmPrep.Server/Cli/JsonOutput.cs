using System.Text.Encodings.Web;
using System.Text.Json;
using PmPrep.Core.Analysis;
using PmPrep.Core.Bank;
using PmPrep.Core.Catalog;
using PmPrep.Core.Text;

namespace PmPrep.Server.Cli;

/// <summary>
/// `--format json`, version 1: the shape in SPEC section 5. Written with Utf8JsonWriter so the
/// field order is fixed and nothing depends on reflection (Native AOT).
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes one indented JSON document built by <paramref name="body"/>, then a newline. When
    /// <paramref name="output"/> is the process's stdout the writer streams UTF-8 straight to the
    /// stdout stream through a 64 KB buffer (no document in memory, no UTF-16 string, no second
    /// encoding); any other writer (tests, a file) gets the same bytes through a buffer.
    /// </summary>
    internal static void Emit(TextWriter output, Action<Utf8JsonWriter> body)
    {
        if (ReferenceEquals(output, Console.Out))
        {
            output.Flush();
            using var stdout = Console.OpenStandardOutput();
            using var buffered = new BufferedStream(stdout, 1 << 16);
            using (var w = new Utf8JsonWriter(buffered, WriterOptions)) body(w);
            buffered.Write(System.Text.Encoding.UTF8.GetBytes(Environment.NewLine));
            buffered.Flush();
            return;
        }
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions)) body(w);
        output.Write(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        output.WriteLine();
    }

    /// <summary>Hands what the writer holds to its stream once it passes 32 KB: Utf8JsonWriter only writes on Flush.</summary>
    private static void Spill(Utf8JsonWriter w)
    {
        if (w.BytesPending >= 1 << 15) w.Flush();
    }

    public static void Write(TextWriter output, IReadOnlyList<CliApp.CheckedFile> files, BankAnalysis bank) => Emit(output, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteStartArray("files");
            foreach (var f in files)
            {
                w.WriteStartObject();
                w.WriteString("path", f.File.DisplayPath);
                if (f.Analysis is null)
                {
                    w.WriteString("error", f.File.Error);
                    w.WriteEndObject();
                    continue;
                }
                var a = f.Analysis;
                // Additive in version 1: "story", "design" or "prfaq" (readers that ignore it see the same shape).
                w.WriteString("kind", KindName(a.Kind));
                w.WriteNumber("words", a.Words);
                w.WriteNumber("minutes", Math.Round(a.Minutes, 2));
                w.WriteStartObject("lps");
                w.WriteStartArray("claimed");
                foreach (var p in a.ClaimedPrinciples) w.WriteStringValue(p.Name);
                w.WriteEndArray();
                w.WriteStartArray("evidenced");
                foreach (var e in a.Evidence)
                {
                    w.WriteStartObject();
                    w.WriteString("lp", e.Principle.Name);
                    w.WriteNumber("signals", e.Signals);
                    w.WriteString("grade", e.Grade == Grade.Strong ? "strong" : "some");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteStartArray("diagnostics");
                // Folded findings follow, marked "foldedInto": machine readers still see every rule that fired.
                foreach (var d in a.Diagnostics.Concat(a.Folded)) WriteDiagnostic(w, d, a.Document);
                w.WriteEndArray();
                w.WriteEndObject();
                Spill(w);
            }
            w.WriteEndArray();

            w.WriteStartObject("bank");
            w.WriteNumber("stories", bank.Stories.Count);
            w.WriteStartArray("coverage");
            foreach (var row in bank.Coverage)
            {
                w.WriteStartObject();
                w.WriteString("lp", row.Principle.Name);
                w.WriteStartArray("stories");
                foreach (var s in row.EvidencedBy) w.WriteStringValue(s.Path);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("diagnostics");
            foreach (var d in bank.Diagnostics)
            {
                WriteDiagnostic(w, d, document: null);
                Spill(w);
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        });

    public static void WriteRules(TextWriter output, IReadOnlyList<RuleInfo> rules) => Emit(output, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("version", 1);
            w.WriteStartArray("rules");
            foreach (var r in rules)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteString("severity", RuleInfo.SeverityName(r.DefaultSeverity));
                w.WriteString("scope", r.Scope.ToString().ToLowerInvariant());
                w.WriteString("title", r.Title);
                w.WriteString("why", r.Why);
                w.WriteString("weak", r.Weak);
                w.WriteString("strong", r.Strong);
                if (r.FixTitle is null) w.WriteNull("fix"); else w.WriteString("fix", r.FixTitle);
                w.WriteString("docs", r.DocsPath);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });


    /// <summary>
    /// One diagnostic, a story's or the bank's (SPEC section 5): rule, severity, message; then, for a
    /// bank finding (<paramref name="document"/> null), its path (null for the bank as a whole), its
    /// range when it has one and the related stories; for a story's finding, its range, how it was
    /// folded and its fixes, whose edits <paramref name="document"/> turns into ranges.
    /// </summary>
    internal static void WriteDiagnostic(Utf8JsonWriter w, Diagnostic d, Core.Model.StoryDocument? document)
    {
        w.WriteStartObject();
        w.WriteString("rule", d.RuleId);
        w.WriteString("severity", RuleInfo.SeverityName(d.Severity));
        w.WriteString("message", d.Message);
        if (document is null)
        {
            if (d.Path is null) w.WriteNull("path"); else w.WriteString("path", d.Path);
            if (d.Location is { } r) WriteRange(w, "range", r);
            if (d.Related.Count > 0)
            {
                w.WriteStartArray("related");
                foreach (var rel in d.Related)
                {
                    w.WriteStartObject();
                    w.WriteString("path", rel.Path);
                    if (rel.Range is { } rr) WriteRange(w, "range", rr);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            return;
        }
        WriteRange(w, "range", d.Range);
        if (d.FoldedInto is { } into) w.WriteString("foldedInto", into);
        if (d.Also.Count > 0)
        {
            // Rules whose findings on the same words were folded into this one.
            w.WriteStartArray("also");
            foreach (var id in d.Also) w.WriteStringValue(id);
            w.WriteEndArray();
        }
        w.WriteStartArray("fixes");
        foreach (var fix in d.Fixes)
        {
            w.WriteStartObject();
            w.WriteString("title", fix.Title);
            // Additive to version 1: fix-all and --fix apply only "meaning-preserving" fixes.
            w.WriteString("kind", fix.Kind == FixKind.MeaningPreserving ? "meaning-preserving" : "claim");
            w.WriteStartArray("edits");
            foreach (var e in fix.Edits)
            {
                w.WriteStartObject();
                WriteRange(w, "range", document.RangeOf(e.Start, e.End));
                w.WriteString("newText", e.NewText);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static string KindName(Core.Practice.PracticeKind kind) => kind switch
    {
        Core.Practice.PracticeKind.Design => "design",
        Core.Practice.PracticeKind.PrFaq => "prfaq",
        _ => "story",
    };

    internal static void WriteRange(Utf8JsonWriter w, string name, TextRange r)
    {
        w.WriteStartObject(name);
        w.WriteStartObject("start");
        w.WriteNumber("line", r.Start.Line);
        w.WriteNumber("character", r.Start.Character);
        w.WriteEndObject();
        w.WriteStartObject("end");
        w.WriteNumber("line", r.End.Line);
        w.WriteNumber("character", r.End.Character);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
