using YamlDotNet.RepresentationModel;

namespace PmPrep.Core.Catalog;

/// <summary>Small helpers over YamlDotNet's representation model (AOT-safe, no reflection).</summary>
internal static class Yaml
{
    public static YamlMappingNode? LoadMapping(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode as YamlMappingNode;
    }

    public static YamlNode? Get(this YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
            if (k is YamlScalarNode s && string.Equals(s.Value, key, StringComparison.OrdinalIgnoreCase)) return v;
        return null;
    }

    public static string? Str(this YamlMappingNode map, string key) => (map.Get(key) as YamlScalarNode)?.Value;

    public static bool Bool(this YamlMappingNode map, string key) =>
        map.Str(key) is { } v && (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("yes", StringComparison.OrdinalIgnoreCase));

    public static List<string> Strings(YamlNode? node)
    {
        var list = new List<string>();
        switch (node)
        {
            case YamlSequenceNode seq:
                foreach (var item in seq.Children)
                    if (item is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value)) list.Add(s.Value!);
                break;
            case YamlScalarNode one when !string.IsNullOrWhiteSpace(one.Value):
                list.Add(one.Value!);
                break;
        }
        return list;
    }

    public static IEnumerable<YamlMappingNode> Maps(YamlNode? node) =>
        node is YamlSequenceNode seq ? seq.Children.OfType<YamlMappingNode>() : Enumerable.Empty<YamlMappingNode>();
}
