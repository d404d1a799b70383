namespace AlertEngine.IntegrationTests.Support;

/// <summary>
/// Which storm events the crash tests send next, as Zabbix would: first those to send again, then
/// fresh ones. Events the engine did not store go again; of those it never answered, half do
/// (Zabbix retries; the other half stay "maybe stored"), so a retry of a stored event meets the
/// duplicate check.
/// </summary>
internal sealed class StormRetryQueue
{
    private readonly Queue<int> _again = new();
    private readonly Queue<int> _fresh = new();

    public StormRetryQueue(IEnumerable<int> fresh)
    {
        foreach (var index in fresh)
        {
            _fresh.Enqueue(index);
        }
    }

    /// <summary>The next round's events: those to send again first, then new ones.</summary>
    public List<int> Take(int count)
    {
        var taken = new List<int>();
        while (taken.Count < count && (_again.TryDequeue(out var index) || _fresh.TryDequeue(out index)))
        {
            taken.Add(index);
        }

        return taken;
    }

    public void SendAgainLater(StormRound result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var index in result.NotStored.Concat(result.Unanswered.Where(i => i % 2 == 0)).Order())
        {
            _again.Enqueue(index);
        }
    }
}
