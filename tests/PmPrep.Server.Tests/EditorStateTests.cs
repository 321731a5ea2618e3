using CsCheck;
using PmPrep.Server.Lsp.Protocol;

namespace PmPrep.Server.Tests;

/// <summary>
/// Editor state never diverges (issue 7): after any random sequence of incremental edits, some
/// sent several to a notification and some with positions past the end of a line or of the
/// document (which LSP clamps), the server's text equals the client's. CsCheck picks the seeds;
/// a failure prints the one to replay.
/// </summary>
public class EditorStateTests
{
    private const string Start = "---\r\ntitle: State\r\nlps: [Ownership]\r\n---\r\n# State 😀\r\n\r\n## Decision\r\n\r\nWe decided to ship.\n\nI think it was launched.\n";

    [Fact]
    public void Random_incremental_edits_keep_server_and_client_text_equal() =>
        Gen.Int.Sample(seed => Run(seed).GetAwaiter().GetResult(), iter: 25, threads: 1, print: s => $"seed {s}");

    private static async Task Run(int seed)
    {
        var r = new Random(seed);
        await using var h = new LspHarness();
        await h.InitializeAsync();
        var d = new ClientDoc(LspHarness.Uri, Start);
        await h.OpenAsync(d.Text);
        for (int round = 0; round < 40; round++)
        {
            int n = 1 + r.Next(4);
            var changes = Enumerable.Range(0, n).Select(_ => d.RandomEdit(r, pastTheEnd: true)).ToArray();
            d.Version++;
            await h.ChangeAsync(d.Uri, d.Version, changes);
            if (round % 8 == 7 || round == 39)
            {
                // A request behind the edits: the server has applied them when it answers.
                await h.Request<object?>("textDocument/documentSymbol", new { textDocument = new { uri = d.Uri } });
                var server = h.ServerText(d.Uri);
                if (server != d.Text)
                    throw new Exception($"seed {seed}, round {round}: server text ({server.Length} chars) differs from client text ({d.Text.Length} chars)");
            }
        }
        await h.Target.WaitForDiagnostics(d.Uri, d.Version);
    }
}
