using AlertEngine.Classify;
using AlertEngine.IntegrationTests.Reports;
using AlertEngine.IntegrationTests.Support;
using AlertEngine.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AlertEngine.BrowserTests.Support;

/// <summary>
/// A fresh database created by the real <see cref="Migrator"/>, seeded with <see cref="ShiftSeed"/>'s day
/// shift (or left empty for a quiet one), beside a copy of the shipped rules plus one maintenance window
/// on the seeded day (as the integration tests' <c>HandoverReportBuilderTests.RulesWithMaintenance</c>).
/// Pages written for the browser go to <see cref="Folder"/> too; all of it is deleted on dispose.
/// </summary>
internal sealed class SeededDesk : IDisposable
{
    private readonly TempDatabase _db = new();

    public SeededDesk(bool seeded = true)
    {
        Connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = _db.Path }));
        new Migrator(Connections, NullLogger<Migrator>.Instance).Migrate();
        if (seeded)
        {
            using var connection = Connections.Open();
            ShiftSeed.Write(connection);
        }

        RulesFolder = Path.Combine(_db.Folder, "rules");
        Directory.CreateDirectory(Path.Combine(RulesFolder, "holidays"));
        var shipped = RepositoryRoot.File("rules");
        foreach (var file in Directory.GetFiles(shipped, "*.yaml").Concat(Directory.GetFiles(Path.Combine(shipped, "holidays"), "*.yaml")))
        {
            File.Copy(file, Path.Combine(RulesFolder, Path.GetRelativePath(shipped, file)));
        }

        File.WriteAllText(Path.Combine(RulesFolder, "80-maintenance.yaml"), """
            maintenance:
              - name: nc-db-patching
                match: { host: "srv-nc-db*" }
                once: { from: "2026-11-17 17:00", to: "2026-11-17 23:00" }
            """);
        var load = RuleSetLoader.LoadFolder(RulesFolder);
        Assert.True(load.Succeeded, string.Join("\n", load.Errors));
        Rules = load.Rules!;
    }

    public SqliteConnectionFactory Connections { get; }

    public string DatabasePath => _db.Path;

    public string Folder => _db.Folder;

    public string RulesFolder { get; }

    public RuleSet Rules { get; }

    /// <summary>Writes <paramref name="html"/> to <paramref name="name"/> in <see cref="Folder"/> and returns its file:// address.</summary>
    public Uri WritePage(string name, string html)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, html);
        return new Uri(path);
    }

    public void Dispose() => _db.Dispose();
}
