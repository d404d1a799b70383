using AlertEngine.Classify;
using AlertEngine.IntegrationTests.Reports;
using AlertEngine.IntegrationTests.Support;
using AlertEngine.Storage;

namespace AlertEngine.BrowserTests.Support;

/// <summary>
/// A fresh database seeded with <see cref="ShiftSeed"/>'s day shift (or left empty for a quiet one),
/// beside <see cref="ShiftSeed.Rules"/>: the shipped rules plus one maintenance window on the seeded day.
/// Pages written for the browser go to <see cref="Folder"/> too; all of it is deleted on dispose.
/// </summary>
internal sealed class SeededDesk : IDisposable
{
    private readonly TempDatabase _db = new();

    public SeededDesk(bool seeded = true)
    {
        Connections = ShiftSeed.Database(_db.Path, seeded);
        Rules = ShiftSeed.Rules(_db.Folder);
        RulesFolder = ShiftSeed.RulesFolder(_db.Folder);
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
