using System.CommandLine;

namespace AlertEngine.Host.Commands.Bench.Paging;

/// <summary><c>alertengine bench paging</c>: its options, and the settings they make.</summary>
internal sealed class PagingCommand
{
    private readonly Option<long?> _idle = BenchOptions.Count(
        "--idle-disasters", $"Disasters sent one at a time into the idle engine. Default {PagingSettings.DefaultIdleDisasters}; {PagingSettings.QuickIdleDisasters} with --quick.", 1, 10_000);

    private readonly Option<long?> _stormEvents = BenchOptions.Count(
        "--storm-events", $"Deliveries in the storm. Default {Text.Count(Storm.StormSettings.DefaultEvents)}; {Text.Count(PagingSettings.QuickStormEvents)} with --quick.", 1, Storm.StormSettings.MaxEvents);

    private readonly Option<long?> _stormDisasters = BenchOptions.Count(
        "--storm-disasters", $"Disasters sent in the middle of the storm. Default {PagingSettings.DefaultStormDisasters}; {PagingSettings.QuickStormDisasters} with --quick.", 1, 1_000);

    private readonly Option<bool> _quick = BenchOptions.Quick(
        $"Smoke test: {PagingSettings.QuickIdleDisasters} idle disasters, a {Text.Count(PagingSettings.QuickStormEvents)}-event storm with {PagingSettings.QuickStormDisasters} disasters (explicit counts win).");

    public Command Create() => BenchOptions.Wire(
        new Command(
            "paging",
            "Start the built engine as a separate process with Twilio pointed at a stand-in in this process; measure from the webhook's 2xx "
            + "to the SMS reaching the stand-in for disasters sent into an idle engine and in the middle of a storm; check every disaster "
            + "was paged exactly once and the storm's tickets are as expected."),
        parse => [new PagingBenchmark(Read(parse))],
        _idle, _stormEvents, _stormDisasters, _quick);

    public PagingSettings Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var defaults = PagingSettings.Defaults(parse.GetValue(_quick));
        var events = parse.GetValue(_stormEvents) ?? defaults.StormEvents;
        return defaults with
        {
            IdleDisasters = (int?)parse.GetValue(_idle) ?? defaults.IdleDisasters,
            StormEvents = events,
            StormDisasters = (int?)parse.GetValue(_stormDisasters) ?? defaults.StormDisasters,
        };
    }
}
