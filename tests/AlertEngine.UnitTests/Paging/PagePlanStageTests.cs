using AlertEngine.Classify;
using AlertEngine.Paging;
using AlertEngine.Tickets;

namespace AlertEngine.UnitTests.Paging;

/// <summary>Which events start an escalation chain: quiet where they should be.</summary>
public sealed class PagePlanStageTests
{
    private static readonly Classification Paged = new(SupportLevel.L1, "acme", "ops", "zbx:trigger:1", "rule");

    // rule checked, opened, folded into a PROBLEM, classification, pages
    public static TheoryData<string, bool, bool, Classification, bool> Cases => new()
    {
        { "a new ticket pages", true, false, Paged, true },
        { "an occurrence, update or recovery never pages", false, false, Paged, false },
        { "an ALERT counted on its open PROBLEM is not paged again", true, true, Paged, false },
        { "suppressed by maintenance never pages", true, false, Paged with { SuppressedBy = "maintenance window 'db'" }, false },
        { "page: never never pages", true, false, Paged with { Page = PagePolicy.Never }, false },
        { "page: business_hours starts a chain (held when outside)", true, false, Paged with { Page = PagePolicy.BusinessHours }, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_Event_StartsAChainOnlyWhenItShould(string rule, bool opened, bool folded, Classification classification, bool pages) =>
        Assert.True((PagePlanStage.Decide(opened, folded, classification) is null) == pages, rule);
}
