using AlertEngine.Classify;
using AlertEngine.Reports;
using AlertEngine.Reports.Render;
using AlertEngine.Storage;
using Microsoft.Extensions.Options;

namespace AlertEngine.Host.Endpoints;

/// <summary>Reads the desk's status for the page and its JSON, from the database and the current rules.</summary>
internal sealed class StatusBoard(SqliteConnectionFactory connections, RuleSetProvider rules, HandoverReports reports, TimeProvider time, IOptions<ReportsOptions> options)
{
    public DeskStatus Read()
    {
        using var connection = connections.Open();
        return DeskStatusBuilder.Build(connection, rules.Current, reports.TimeZone, time.GetUtcNow());
    }

    public string Html() => StatusPageHtml.Render(Read(), reports.Language, options.Value.StatusRefresh);
}
