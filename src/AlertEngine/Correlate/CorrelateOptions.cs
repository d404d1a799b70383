using System.ComponentModel.DataAnnotations;

namespace AlertEngine.Correlate;

/// <summary>How correlation's background work runs (section <c>Correlate</c>).</summary>
public sealed class CorrelateOptions
{
    public const string SectionName = "Correlate";

    /// <summary>
    /// How often the quiet-period job looks for PROBLEM tickets whose key has stayed away long
    /// enough to resolve them (the quiet period itself comes from the rules: <c>recurrence: { quiet }</c>).
    /// Default 00:01:00, between 00:00:01 and 01:00:00.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Correlate:QuietCheckInterval must be between 00:00:01 and 01:00:00")]
    public TimeSpan QuietCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
