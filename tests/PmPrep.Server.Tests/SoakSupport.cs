using System.Text;
using PmPrep.Server.Lsp.Protocol;

namespace PmPrep.Server.Tests;

/// <summary>
/// The editor's side of incremental sync, written independently of the server: the client's copy
/// of a document, LSP positions computed from it, and LSP's clamping rules for positions past the
/// end of a line or of the document. Random edits look like typing: words, spaces, line breaks,
/// emoji, deletions and replacements at random places, never inside a surrogate pair or a CRLF.
/// </summary>
internal sealed class ClientDoc
{
    public string Uri { get; }
    public string Text { get; private set; }
    public int Version { get; set; } = 1;

    public ClientDoc(string uri, string text) { Uri = uri; Text = text; }

    private static readonly string[] Typed =
    {
        "I ", "we ", "decided ", "the team ", "launched ", "because ", "30% ", "$2.1M ", "maybe ", "Dive Deep ", ". ", ", ",
        "\n", "\n\n", "## Impact\n", "- ", "> ", "😀", "é", "**", "<!-- pmprep-disable-next-line hedging -->\n", "\r\n", "\t",
    };

    private List<int> LineStarts()
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < Text.Length; i++)
        {
            if (Text[i] == '\r' && i + 1 < Text.Length && Text[i + 1] == '\n') { i++; starts.Add(i + 1); }
            else if (Text[i] == '\n' || Text[i] == '\r') starts.Add(i + 1);
        }
        return starts;
    }

    private (int Line, int Character) PositionOf(int offset, List<int> starts)
    {
        int idx = starts.BinarySearch(offset);
        int line = idx >= 0 ? idx : ~idx - 1;
        return (line, offset - starts[line]);
    }

    /// <summary>LSP's reading of a position: past the line's end means the line's end, past the last line the document's end.</summary>
    private int OffsetOf(int line, int character, List<int> starts)
    {
        if (line >= starts.Count) return Text.Length;
        int start = starts[line];
        int end = line + 1 < starts.Count ? starts[line + 1] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r')) end--;
        return Math.Min(start + character, end);
    }

    private bool IsBoundary(int offset) =>
        offset <= 0 || offset >= Text.Length ||
        !(char.IsLowSurrogate(Text[offset]) && char.IsHighSurrogate(Text[offset - 1])) &&
        !(Text[offset] == '\n' && Text[offset - 1] == '\r');

    private int RandomBoundary(Random r, int min, int max)
    {
        for (int tries = 0; tries < 20; tries++)
        {
            int o = r.Next(min, max + 1);
            if (IsBoundary(o)) return o;
        }
        return IsBoundary(min) ? min : max;
    }

    /// <summary>Makes one random edit, applies it to the client's copy and returns it as an LSP change.</summary>
    public object RandomEdit(Random r, bool pastTheEnd = false)
    {
        var starts = LineStarts();
        int kind = r.Next(10);
        int start, end;
        string text;
        if (pastTheEnd && r.Next(4) == 0)
        {
            // A position the client computes wrongly or from a stale copy: the server clamps it, and so does LSP's client model.
            var lines = starts.Count;
            int l1 = r.Next(2) == 0 ? lines + r.Next(0, 5) : r.Next(lines);
            int c1 = r.Next(0, 400);
            int o1 = OffsetOf(l1, c1, starts);
            int l2 = Math.Max(l1, r.Next(lines + 3)), c2 = r.Next(0, 400);
            int o2 = Math.Max(o1, OffsetOf(l2, c2, starts));
            if (!IsBoundary(o1) || !IsBoundary(o2)) return RandomEdit(r);
            text = Typed[r.Next(Typed.Length)];
            Text = Text[..o1] + text + Text[o2..];
            return LspHarness.Edit(l1, c1, l2 < l1 || (l2 == l1 && c2 < c1) ? l1 : l2, l2 < l1 || (l2 == l1 && c2 < c1) ? c1 : c2, text);
        }
        if (kind < 6 || Text.Length == 0)
        {
            start = end = RandomBoundary(r, 0, Text.Length);
            text = Typed[r.Next(Typed.Length)];
        }
        else if (kind < 9)
        {
            start = RandomBoundary(r, 0, Text.Length);
            end = RandomBoundary(r, start, Math.Min(Text.Length, start + r.Next(1, 30)));
            text = "";
        }
        else
        {
            start = RandomBoundary(r, 0, Text.Length);
            end = RandomBoundary(r, start, Math.Min(Text.Length, start + r.Next(1, 60)));
            text = string.Concat(Enumerable.Range(0, r.Next(1, 4)).Select(_ => Typed[r.Next(Typed.Length)]));
        }
        var (l1x, c1x) = PositionOf(start, starts);
        var (l2x, c2x) = PositionOf(end, starts);
        Text = Text[..start] + text + Text[end..];
        return LspHarness.Edit(l1x, c1x, l2x, c2x, text);
    }
}

internal static class Published
{
    /// <summary>Moves everything published so far into <paramref name="last"/> (newest per URI), so the harness's queue stays small.</summary>
    public static void Drain(LspHarness h, Dictionary<string, PublishDiagnosticsParams> last)
    {
        while (h.Target.Published.TryDequeue(out var p)) last[p.Uri] = p;
        while (h.Target.LogMessages.TryDequeue(out _)) { }
        lock (h.Logs) h.Logs.Clear();
    }

    public static async Task WaitForVersions(LspHarness h, Dictionary<string, PublishDiagnosticsParams> last, IEnumerable<ClientDoc> docs, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Drain(h, last);
            var missing = docs.Where(d => !last.TryGetValue(d.Uri, out var p) || p.Version != d.Version).ToList();
            if (missing.Count == 0) return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{missing.Count} documents never got diagnostics for their last version, e.g. {missing[0].Uri} v{missing[0].Version} (last published v{(last.TryGetValue(missing[0].Uri, out var lp) ? lp.Version : null)})");
            await Task.Delay(20);
        }
    }
}
