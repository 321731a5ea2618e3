using System.Reflection;

namespace PmPrep.Server;

/// <summary>
/// The product version, one for every surface (`pmprep --version`, LSP serverInfo, SARIF): the
/// build takes it from the root package.json (Directory.Build.props), which the VSIX uses too.
/// </summary>
public static class ProductInfo
{
    public static string Version { get; } =
        typeof(ProductInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(ProductInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
