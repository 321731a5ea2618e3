using System.Collections.Immutable;
using PmPrep.Core.Text;
using PmPrep.Server.Lsp.Protocol;

namespace PmPrep.Server.Lsp;

/// <summary>
/// One open document at one moment: immutable. <see cref="Seq"/> increases with every change the
/// server applies (client version numbers are labels and may arrive out of order).
/// </summary>
public sealed class DocumentSnapshot
{
    public DocumentSnapshot(string uri, string clientUri, int version, long seq, string text)
    {
        Uri = uri; ClientUri = clientUri; Version = version; Seq = seq; Text = text;
        Lines = new LineMap(text);
    }

    /// <summary>Normalised key.</summary>
    public string Uri { get; }
    /// <summary>The URI exactly as the client spelled it, for messages back to it.</summary>
    public string ClientUri { get; }
    public int Version { get; }
    public long Seq { get; }
    public string Text { get; }
    public LineMap Lines { get; }

    public int OffsetOf(LspPosition p) => Lines.GetOffset(new Position(p.Line, p.Character), Text);
}

/// <summary>
/// Open documents. Written only by the server's single writer; readers take <see cref="Documents"/>
/// (an immutable map) and never see half an edit.
/// </summary>
public sealed class DocumentStore
{
    private ImmutableDictionary<string, DocumentSnapshot> _docs = ImmutableDictionary<string, DocumentSnapshot>.Empty.WithComparers(StringComparer.Ordinal);
    private long _seq;

    public ImmutableDictionary<string, DocumentSnapshot> Documents => Volatile.Read(ref _docs);

    public DocumentSnapshot? Get(string uri) => Documents.TryGetValue(uri, out var d) ? d : null;

    public DocumentSnapshot Open(string uri, string clientUri, int version, string text)
    {
        var snap = new DocumentSnapshot(uri, clientUri, version, Interlocked.Increment(ref _seq), text);
        Volatile.Write(ref _docs, _docs.SetItem(uri, snap));
        return snap;
    }

    public bool Close(string uri)
    {
        var had = _docs.ContainsKey(uri);
        Volatile.Write(ref _docs, _docs.Remove(uri));
        return had;
    }

    /// <summary>
    /// Applies LSP content changes in order. Positions are UTF-16 and clamp to the document (a
    /// character past the end of a line means the line's end, a line past the end the document's end).
    /// </summary>
    public DocumentSnapshot Change(DocumentSnapshot current, int? version, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        string text = current.Text;
        LineMap lines = current.Lines;
        for (int i = 0; i < changes.Count; i++)
        {
            var c = changes[i];
            string insert = c.Text ?? "";
            if (c.Range is null)
            {
                text = insert;
            }
            else
            {
                int start = lines.GetOffset(new Position(c.Range.Start.Line, c.Range.Start.Character), text);
                int end = lines.GetOffset(new Position(c.Range.End.Line, c.Range.End.Character), text);
                if (end < start) (start, end) = (end, start);
                text = string.Concat(text.AsSpan(0, start), insert, text.AsSpan(end));
            }
            if (i + 1 < changes.Count) lines = new LineMap(text);
        }
        var snap = new DocumentSnapshot(current.Uri, current.ClientUri, version ?? current.Version + 1, Interlocked.Increment(ref _seq), text);
        Volatile.Write(ref _docs, _docs.SetItem(current.Uri, snap));
        return snap;
    }

    /// <summary>A stable key for a URI: file URIs are re-spelled from their path (VS Code escapes ':' and spaces its own way).</summary>
    public static string Normalize(string uri)
    {
        if (System.Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.IsFile)
            return new System.Uri(u.LocalPath).AbsoluteUri;
        return uri;
    }

    public static string? LocalPath(string uri) =>
        System.Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.IsFile ? u.LocalPath : null;

    public static string FromPath(string path) => new System.Uri(Path.GetFullPath(path)).AbsoluteUri;
}
