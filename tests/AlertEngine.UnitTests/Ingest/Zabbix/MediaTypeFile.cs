using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AlertEngine.UnitTests.Ingest.Zabbix;

/// <summary>One media type export in samples/zabbix, read the way a YAML parser sees it.</summary>
internal sealed class MediaTypeFile
{
    private readonly YamlMappingNode _export;
    private readonly YamlMappingNode _mediaType;

    private MediaTypeFile(YamlMappingNode export, YamlMappingNode mediaType)
    {
        _export = export;
        _mediaType = mediaType;
    }

    public string ExportVersion => Scalar(_export, "version").Value!;

    public string? ExportDate => _export.Children.TryGetValue("date", out var date) ? ((YamlScalarNode)date).Value : null;

    public int MediaTypeCount => ((YamlSequenceNode)_export["media_types"]).Children.Count;

    public string Script => Setting("script");

    /// <summary>Parameter name and value, in file order; every value must be a YAML scalar.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters =>
        [.. ((YamlSequenceNode)_mediaType["parameters"]).Children
            .Cast<YamlMappingNode>()
            .Select(p => KeyValuePair.Create(Scalar(p, "name").Value!, Scalar(p, "value").Value ?? ""))];

    /// <summary>(event_source, operation_mode, subject) of each message template.</summary>
    public IReadOnlyList<(string Source, string Mode, string Subject)> MessageTemplates =>
        [.. ((YamlSequenceNode)_mediaType["message_templates"]).Children
            .Cast<YamlMappingNode>()
            .Select(t => (Scalar(t, "event_source").Value!, Scalar(t, "operation_mode").Value!, Scalar(t, "subject").Value!))];

    public static MediaTypeFile Load(string version)
    {
        var path = RepositoryRoot.Combine("samples", "zabbix", $"alertengine_mediatype_{version}.yaml");
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        var export = (YamlMappingNode)root["zabbix_export"];
        var mediaType = (YamlMappingNode)((YamlSequenceNode)export["media_types"]).Children[0];
        return new MediaTypeFile(export, mediaType);
    }

    public string Setting(string key) => Scalar(_mediaType, key).Value!;

    /// <summary>How a setting is written: Zabbix's YAML reader needs YES/NO and numbers quoted.</summary>
    public ScalarStyle SettingStyle(string key) => Scalar(_mediaType, key).Style;

    private static YamlScalarNode Scalar(YamlMappingNode node, string key) =>
        node[key] as YamlScalarNode ?? throw new InvalidOperationException($"'{key}' is not a scalar (an unquoted brace makes a mapping).");
}
