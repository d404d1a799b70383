using System.Globalization;

namespace AlertEngine.Reports.Render;

/// <summary>
/// Instants on the team's wall clock: <c>HH:mm</c> on the local day of <paramref name="day"/>
/// (the shift's start, the status page's instant), <c>yyyy-MM-dd HH:mm</c> on any other day.
/// </summary>
internal sealed class LocalTime(TimeZoneInfo zone, DateTimeOffset day)
{
    private readonly DateOnly _day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(day, zone).DateTime);

    public TimeZoneInfo Zone => zone;

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>The short form on the day, else the date too.</summary>
    public string Show(DateTimeOffset instant)
    {
        var local = Local(instant);
        return DateOnly.FromDateTime(local.DateTime) == _day ? Hour(instant) : Full(instant);
    }

    public string Show(DateTimeOffset? instant) => instant is { } value ? Show(value) : "";

    public string Full(DateTimeOffset instant) => Local(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Hour(DateTimeOffset instant) => Local(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The zone's id and its offset at <paramref name="at"/>: <c>Asia/Shanghai (UTC+08:00)</c>.</summary>
    public string ZoneName(DateTimeOffset at)
    {
        var offset = zone.GetUtcOffset(at);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return $"{zone.Id} (UTC{sign}{offset.Duration():hh\\:mm})";
    }

    /// <summary>A span of time: <c>2026-03-02 08:00 – 16:30</c>, the end with its date when on another day.</summary>
    public string Span(DateTimeOffset from, DateTimeOffset to)
    {
        var sameDay = DateOnly.FromDateTime(Local(from).DateTime) == DateOnly.FromDateTime(Local(to).DateTime);
        return $"{Full(from)} – {(sameDay ? Hour(to) : Full(to))}";
    }
}
