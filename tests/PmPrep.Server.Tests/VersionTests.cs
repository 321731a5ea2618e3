using System.Text.Json;
using PmPrep.Server.Cli;
using PmPrep.Server.Lsp.Protocol;

namespace PmPrep.Server.Tests;

/// <summary>One version everywhere, the root package.json's.</summary>
public class VersionTests
{
    private static string PackageVersion()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var p = Path.Combine(dir.FullName, "package.json");
            if (File.Exists(p) && File.Exists(Path.Combine(dir.FullName, "PmPrep.sln")))
                return JsonDocument.Parse(File.ReadAllText(p)).RootElement.GetProperty("version").GetString()!;
        }
        throw new InvalidOperationException("no package.json above the test binaries");
    }

    [Fact]
    public async Task Cli_server_and_sarif_report_the_package_json_version()
    {
        string v = PackageVersion();
        Assert.Matches(@"^\d+\.\d+\.\d+$", v);
        Assert.Equal(v, ProductInfo.Version);
        var o = new StringWriter();
        Assert.Equal(0, CliApp.Run(new[] { "--version" }, o, new StringWriter(), Path.GetTempPath()));
        Assert.Equal("pmprep " + v, o.ToString().Trim());

        await using var h = new LspHarness();
        var init = await h.InitializeAsync();
        Assert.Equal(v, init.ServerInfo!.Version);

        o = new StringWriter();
        CliApp.Run(new[] { "check", "nosuch", "--format", "sarif" }, o, new StringWriter(), Path.GetTempPath());
        using var sarif = JsonDocument.Parse(o.ToString());
        Assert.Equal(v, sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("semanticVersion").GetString());
    }
}
