using System.ComponentModel.DataAnnotations;

namespace AlertEngine.Classify;

/// <summary>Where the rules folder is and how often it is checked for changes (section <c>Rules</c>).</summary>
public sealed class RulesOptions
{
    public const string SectionName = "Rules";

    /// <summary>
    /// The rules folder: every <c>*.yaml</c> directly in it, read in name order. Default: none,
    /// which means <c>./rules</c> when it exists and otherwise the rules built into the engine
    /// (the same as the repository's rules/ folder). A folder given here must exist.
    /// </summary>
    public string? Folder { get; set; }

    /// <summary>
    /// How often the folder is checked for changes. A change is applied once the files have
    /// stayed the same for one more check, so that a half-saved file or a git checkout in
    /// progress is never loaded. Default 00:00:02.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ErrorMessage = "Rules:ReloadInterval must be between 00:00:00.100 and 01:00:00")]
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(2);
}
