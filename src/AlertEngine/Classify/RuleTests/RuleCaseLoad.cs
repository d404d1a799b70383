namespace AlertEngine.Classify.RuleTests;

/// <summary>
/// The cases of a rules folder's <c>tests/*.yaml</c>, the files they came from and every error
/// found in them. <see cref="Found"/> is false when the folder has no tests/ folder at all.
/// </summary>
internal sealed record RuleCaseLoad(string Folder, bool Found, IReadOnlyList<string> Files, IReadOnlyList<RuleCase> Cases, IReadOnlyList<RuleError> Errors)
{
    /// <summary>The folder under the rules folder that holds the case files.</summary>
    public const string TestsFolder = "tests";

    /// <summary>Reads every <c>*.yaml</c> in <c>DIR/tests</c> in name order; times are read in <paramref name="zone"/>.</summary>
    public static RuleCaseLoad Read(string rulesFolder, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(rulesFolder);
        var folder = Path.Combine(rulesFolder, TestsFolder);
        if (!Directory.Exists(folder))
        {
            return new RuleCaseLoad(folder, false, [], [], []);
        }

        var files = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).Select(f => Path.Combine(folder, Path.GetFileName(f))).ToList();
        var cases = new List<RuleCase>();
        var errors = new List<RuleError>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var yaml = new RuleYaml(file);
            foreach (var c in RuleCaseFile.Read(yaml, File.ReadAllText(file), zone))
            {
                if (names.TryGetValue(c.Name, out var first))
                {
                    yaml.Error(c.Line, c.Column, $"duplicate case name '{c.Name}': already used at {first}");
                    continue;
                }

                names[c.Name] = c.Where;
                cases.Add(c);
            }

            errors.AddRange(yaml.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column));
        }

        return new RuleCaseLoad(folder, true, files, cases, errors);
    }
}
