namespace AlertEngine.Sla;

/// <summary>A deadline the watcher acts at.</summary>
public enum SlaDeadlineKind
{
    /// <summary>A share of the respond window has passed and nobody has responded: page again.</summary>
    RespondWarn,

    /// <summary>The respond deadline: record the breach, escalate to the senior engineer.</summary>
    Respond,

    /// <summary>The resolve deadline: record the breach, escalate to the senior engineer.</summary>
    Resolve,

    /// <summary>The hard limit: escalate to the manager.</summary>
    HardLimit,
}

/// <summary>Database and timeline spelling of <see cref="SlaDeadlineKind"/>.</summary>
public static class SlaDeadlineKindNames
{
    public static string ToName(this SlaDeadlineKind kind) => kind switch
    {
        SlaDeadlineKind.RespondWarn => "respond-warn",
        SlaDeadlineKind.Respond => "respond",
        SlaDeadlineKind.Resolve => "resolve",
        SlaDeadlineKind.HardLimit => "hard-limit",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown deadline"),
    };
}
