using System.Text.Json.Serialization;

namespace AlertEngine.Host.Commands.Bench.Suite;

/// <summary>One line of a benchmark's summary: a headline figure (no goal) or a target or check with its verdict.</summary>
/// <param name="Name">What is measured, e.g. "p99 of accepted requests".</param>
/// <param name="Goal">The target, e.g. "&lt; 50 ms"; null for a figure that is only reported.</param>
/// <param name="Measured">The value as printed, e.g. "38.20 ms".</param>
/// <param name="Passed">The verdict; null for a figure, or for a target that could not be judged.</param>
internal sealed record SummaryLine(string Name, string? Goal, string Measured, bool? Passed)
{
    /// <summary>A figure that is reported, not judged.</summary>
    public static SummaryLine Figure(string name, string measured) => new(name, null, measured, null);

    /// <summary>PASS, FAIL, NOT EVALUATED, or empty for a figure.</summary>
    public string Verdict => Goal is null ? "" : Passed switch { true => "PASS", false => "FAIL", null => "NOT EVALUATED" };

    /// <summary>A goal that was judged and missed.</summary>
    [JsonIgnore]
    public bool Missed => Goal is not null && Passed == false;
}
