using AlertEngine.Tickets;

namespace AlertEngine.Paging;

/// <summary>
/// The escalation policy of each level, from <c>rules/escalation.yaml</c>; a level it leaves out
/// keeps the default. Defaults (DESIGN.md): L1 SMS and a call at once, a call again after 5 min,
/// the backup after 10, the senior engineer at the response deadline; L2 alike on its clock (at
/// once, 10 min, 20 min, deadline); L3 and L4 one SMS to the on-duty person.
/// </summary>
public sealed class EscalationPolicies
{
    private readonly Dictionary<SupportLevel, EscalationPolicy> _policies;

    internal EscalationPolicies(IReadOnlyDictionary<SupportLevel, EscalationPolicy> policies)
    {
        _policies = Enum.GetValues<SupportLevel>().ToDictionary(l => l, l => policies.TryGetValue(l, out var p) ? p : Default(l));
    }

    /// <summary>The defaults for every level.</summary>
    public static EscalationPolicies Defaults { get; } = new(new Dictionary<SupportLevel, EscalationPolicy>());

    public EscalationPolicy For(SupportLevel level) =>
        _policies.TryGetValue(level, out var policy) ? policy : throw new ArgumentOutOfRangeException(nameof(level), level, "not a support level");

    /// <summary>The default policy of a level.</summary>
    internal static EscalationPolicy Default(SupportLevel level)
    {
        PageChannel[] both = [PageChannel.Sms, PageChannel.Call];
        return level switch
        {
            SupportLevel.L1 => new EscalationPolicy(level, Chain(both, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10)), 0),
            SupportLevel.L2 => new EscalationPolicy(level, Chain(both, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20)), 0),
            _ => new EscalationPolicy(level, [new EscalationStep(0, TimeSpan.Zero, false, [PageTarget.OnDuty], [PageChannel.Sms])], 0),
        };

        static EscalationStep[] Chain(PageChannel[] both, TimeSpan callAgain, TimeSpan backup) =>
        [
            new(0, TimeSpan.Zero, false, [PageTarget.OnDuty], both),
            new(1, callAgain, false, [PageTarget.OnDuty], [PageChannel.Call]),
            new(2, backup, false, [PageTarget.NextInRotation], both),
            new(3, null, true, [PageTarget.Senior], both),
        ];
    }
}
