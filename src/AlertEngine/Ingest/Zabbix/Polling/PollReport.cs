namespace AlertEngine.Ingest.Zabbix.Polling;

/// <summary>How a poll went through the server's history.</summary>
public enum PollMode
{
    /// <summary>Problem events after the watermark, page by page.</summary>
    Incremental,

    /// <summary>No usable watermark (first start, or longer than Api:CatchUpLimit without a poll): the problems open now, then on from the newest event.</summary>
    Backfill,
}

/// <summary>
/// What one poll of one server found and stored. <see cref="Stored"/> counts bodies the inbox did
/// not hold yet (missed by the webhook, or found before it arrived); <see cref="AlreadyKnown"/> those it held already.
/// <see cref="Complete"/> is false when the poll stopped early (intake busy, more pages left).
/// </summary>
public sealed record PollReport(
    string Server,
    PollMode Mode,
    int Problems,
    int Updates,
    int Recoveries,
    int Reconciled,
    int Stored,
    int AlreadyKnown,
    bool Complete,
    string? Note)
{
    public override string ToString() =>
        $"{Mode}: {Problems} problems, {Updates} updates, {Recoveries} recoveries, {Reconciled} gone from Zabbix; {Stored} new to the inbox, {AlreadyKnown} already there"
        + (Complete ? "" : $"; stopped early: {Note}");
}
