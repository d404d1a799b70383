namespace AlertEngine.Host.Commands.Bench;

/// <summary>Summaries of a few repeated measurements.</summary>
internal static class Stats
{
    /// <summary>The middle value (the mean of the two middle ones for an even count); NaN for none.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
