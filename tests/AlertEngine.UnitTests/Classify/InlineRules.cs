using AlertEngine.Classify;

namespace AlertEngine.UnitTests.Classify;

/// <summary>Loads rules written inline in a test, as one or several files.</summary>
internal static class InlineRules
{
    public static RuleSet Load(string yaml) => LoadFiles(("test.yaml", yaml));

    public static RuleSet LoadFiles(params (string Name, string Yaml)[] files)
    {
        var load = RuleSetLoader.Load([.. files.Select(f => new RuleSource(f.Name, f.Yaml))]);
        Assert.True(load.Succeeded, "the rules should load, but: " + string.Join("; ", load.Errors));
        return load.Rules!;
    }

    public static IReadOnlyList<RuleError> Errors(string yaml) => ErrorsOf(("test.yaml", yaml));

    public static IReadOnlyList<RuleError> ErrorsOf(params (string Name, string Yaml)[] files)
    {
        var load = RuleSetLoader.Load([.. files.Select(f => new RuleSource(f.Name, f.Yaml))]);
        Assert.False(load.Succeeded, "the rules should be rejected");
        Assert.NotEmpty(load.Errors);
        return load.Errors;
    }
}
