using AlertEngine.Classify;
using AlertEngine.Paging;
using AlertEngine.Tickets;
using AlertEngine.UnitTests.Classify;

namespace AlertEngine.UnitTests.Paging;

/// <summary>The repository's rules/oncall.yaml and rules/escalation.yaml as data.</summary>
public sealed class ShippedRosterTests
{
    private static readonly RuleSet Shipped = RuleSetLoader.LoadFolder(ShippedRulesTests.RulesFolder()).Rules!;

    [Fact]
    public void Shipped_OpsEveryHourOfAWeek_SomeoneOnDutyWithBackupSeniorAndManager()
    {
        var monday = InlineRoster.At("2026-11-23 00:00");
        for (var hour = 0; hour < 7 * 24; hour++)
        {
            var duty = Shipped.Roster.OnDutyAt("ops", monday.AddHours(hour));

            Assert.True(duty.Primary is not null, $"hour {hour}: {duty.Reason}");
            Assert.NotNull(duty.Backup);
            Assert.NotEqual(duty.Primary, duty.Backup);
            Assert.NotNull(duty.Senior);
            Assert.NotNull(duty.Manager);
            Assert.True(duty.ShiftEndsAt > monday.AddHours(hour));
        }
    }

    [Fact]
    public void Shipped_AppSupportOverAWeekWithAHoliday_OwnTeamInBusinessHoursOpsOtherwise()
    {
        var monday = InlineRoster.At("2026-09-28 00:00");
        for (var hour = 0; hour < 7 * 24; hour++)
        {
            var at = monday.AddHours(hour);
            var duty = Shipped.Roster.OnDutyAt("app-support", at);

            Assert.NotNull(duty.Primary);
            Assert.Equal(Shipped.Settings.IsBusinessHours(at, "app-support") ? "app-support" : "ops", duty.CoveringTeam);
        }

        Assert.Equal("ops", Shipped.Roster.OnDutyAt("app-support", InlineRoster.At("2026-10-01 10:00")).CoveringTeam);
    }

    [Fact]
    public void Shipped_People_FiveWithE164PhonesInBothLanguages()
    {
        Assert.Equal(5, Shipped.Roster.People.Count);
        Assert.Contains(Shipped.Roster.People.Values, p => p.Language == PageLanguage.English && p.Phone.StartsWith("+44", StringComparison.Ordinal));
        Assert.Contains(Shipped.Roster.People.Values, p => p.Language == PageLanguage.Chinese);
        Assert.Equal(["app-support", "ops"], Shipped.Roster.Teams);
    }

    [Fact]
    public void Shipped_EscalationFile_WritesOutTheDefaults()
    {
        foreach (var level in Enum.GetValues<SupportLevel>())
        {
            var shipped = Shipped.Escalation.For(level);
            var defaults = EscalationPolicies.Defaults.For(level);

            Assert.Equal(defaults.Repeat, shipped.Repeat);
            Assert.Equal(defaults.Steps.Select(s => s.ToString()), shipped.Steps.Select(s => s.ToString()));
        }
    }
}
