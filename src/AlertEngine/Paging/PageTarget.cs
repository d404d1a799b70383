namespace AlertEngine.Paging;

/// <summary>Whom an escalation step pages, as <c>rules/escalation.yaml</c> names it.</summary>
public enum PageTargetKind
{
    /// <summary><c>on_duty</c>: the team's on-duty person at that moment.</summary>
    OnDuty,

    /// <summary><c>next_in_rotation</c>: the backup, the member after the on-duty one in the rotation.</summary>
    NextInRotation,

    /// <summary><c>senior</c>: the covering team's senior engineer.</summary>
    Senior,

    /// <summary><c>manager</c>: the covering team's manager.</summary>
    Manager,

    /// <summary><c>person:&lt;id&gt;</c>: one person of the roster, whoever is on duty.</summary>
    Person,
}

/// <summary>One target of an escalation step: a role resolved against the roster when the step runs, or a person by id.</summary>
public sealed record PageTarget(PageTargetKind Kind, string? PersonId = null)
{
    public const string PersonPrefix = "person:";

    public static PageTarget OnDuty { get; } = new(PageTargetKind.OnDuty);

    public static PageTarget NextInRotation { get; } = new(PageTargetKind.NextInRotation);

    public static PageTarget Senior { get; } = new(PageTargetKind.Senior);

    public static PageTarget Manager { get; } = new(PageTargetKind.Manager);

    /// <summary>The role names a rule file may use (besides <c>person:&lt;id&gt;</c>).</summary>
    public static IReadOnlyList<string> RoleNames { get; } = ["on_duty", "next_in_rotation", "senior", "manager"];

    /// <summary>The name as rule files write it: <c>on_duty</c>, <c>person:li.wei</c>.</summary>
    public string ToName() => Kind switch
    {
        PageTargetKind.OnDuty => "on_duty",
        PageTargetKind.NextInRotation => "next_in_rotation",
        PageTargetKind.Senior => "senior",
        PageTargetKind.Manager => "manager",
        _ => PersonPrefix + PersonId,
    };

    /// <summary>Reads a role name or <c>person:&lt;id&gt;</c> (the id is not checked against the roster here).</summary>
    public static PageTarget? Parse(string? text)
    {
        var trimmed = text?.Trim();
        if (trimmed is not null && trimmed.StartsWith(PersonPrefix, StringComparison.Ordinal) && trimmed.Length > PersonPrefix.Length)
        {
            return new PageTarget(PageTargetKind.Person, trimmed[PersonPrefix.Length..].Trim());
        }

        return trimmed switch
        {
            "on_duty" => OnDuty,
            "next_in_rotation" => NextInRotation,
            "senior" => Senior,
            "manager" => Manager,
            _ => null,
        };
    }

    public override string ToString() => ToName();
}
