namespace AlertEngine.Ingest;

/// <summary>What a Zabbix event says about its problem.</summary>
public enum EventKind
{
    /// <summary>The trigger went into problem state.</summary>
    Problem,

    /// <summary>Someone acknowledged, commented, changed severity or closed the problem in Zabbix.</summary>
    Update,

    /// <summary>The trigger returned to OK.</summary>
    Recovery,
}

/// <summary>Database and API spelling of <see cref="EventKind"/>.</summary>
public static class EventKindNames
{
    public static string ToName(this EventKind kind) => kind switch
    {
        EventKind.Problem => "problem",
        EventKind.Update => "update",
        EventKind.Recovery => "recovery",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown event kind"),
    };
}
