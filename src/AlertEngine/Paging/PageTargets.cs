using AlertEngine.Paging.Roster;

namespace AlertEngine.Paging;

/// <summary>Whom an escalation step's target means at one moment.</summary>
public static class PageTargets
{
    /// <summary>
    /// The person a target names, given who is on duty: <c>on_duty</c> the primary,
    /// <c>next_in_rotation</c> the backup, <c>senior</c> and <c>manager</c> the covering team's,
    /// <c>person:&lt;id&gt;</c> that person of the roster. Null when nobody fills the role.
    /// </summary>
    public static Person? Resolve(PageTarget target, OnDuty duty, Roster.Roster roster)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(duty);
        ArgumentNullException.ThrowIfNull(roster);
        return target.Kind switch
        {
            PageTargetKind.OnDuty => duty.Primary,
            PageTargetKind.NextInRotation => duty.Backup,
            PageTargetKind.Senior => duty.Senior,
            PageTargetKind.Manager => duty.Manager,
            _ => target.PersonId is { } id && roster.People.TryGetValue(id, out var person) ? person : null,
        };
    }
}
