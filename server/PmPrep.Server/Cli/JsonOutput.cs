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

    /// <summary>Writes one indented JSON document built by <paramref name="body"/>, then a newline.</summary>
    internal static void Emit(TextWriter output, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions)) body(w);
        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.WriteLine();
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
                foreach (var d in a.Diagnostics)
                {
                    w.WriteStartObject();
                    w.WriteString("rule", d.RuleId);
                    w.WriteString("severity", RuleInfo.SeverityName(d.Severity));
                    w.WriteString("message", d.Message);
                    WriteRange(w, "range", d.Range);
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
                            WriteRange(w, "range", a.Document.RangeOf(e.Start, e.End));
                            w.WriteString("newText", e.NewText);
                            w.WriteEndObject();
                        }
                        w.WriteEndArray();
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
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
                w.WriteStartObject();
                w.WriteString("rule", d.RuleId);
                w.WriteString("severity", RuleInfo.SeverityName(d.Severity));
                w.WriteString("message", d.Message);
                if (d.Path is null) w.WriteNull("path"); else w.WriteString("path", d.Path);
                if (d.Range is { } r) WriteRange(w, "range", r);
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
