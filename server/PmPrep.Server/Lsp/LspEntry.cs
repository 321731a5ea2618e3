namespace PmPrep.Server.Lsp;

/// <summary>Entry point of `pmprep --stdio`. Replaced by the language server implementation.</summary>
public static class LspEntry
{
    public static Task<int> RunStdioAsync(string[] args)
    {
        Console.Error.WriteLine("pmprep: the language server is not built yet");
        return Task.FromResult(2);
    }
}
