using AlertEngine.Paging;

namespace AlertEngine.UnitTests.Paging;

/// <summary>Whom an escalation target means at one moment of the roster.</summary>
public sealed class PageTargetsTests
{
    private static readonly global::AlertEngine.Paging.Roster.Roster Roster = InlineRoster.Load().Roster;

    // rule, target, person id (null: nobody)
    public static TheoryData<string, string, string?> Targets => new()
    {
        { "on_duty is the primary", "on_duty", "a" },
        { "next_in_rotation is the backup", "next_in_rotation", "b" },
        { "senior is the covering team's senior", "senior", "s" },
        { "manager is the covering team's manager", "manager", "m" },
        { "person:<id> is that person, whoever is on duty", "person:c", "c" },
        { "person:<id> of nobody in the roster is nobody", "person:zz", null },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void Resolve_TargetOnATuesdayMorning_ThatPerson(string rule, string name, string? person)
    {
        var target = PageTarget.Parse(name)!;
        var duty = Roster.OnDutyAt("ops", InlineRoster.At("2026-11-03 10:00"));

        Assert.True(person == PageTargets.Resolve(target, duty, Roster)?.Id, rule);
        Assert.Equal(name, target.ToName());
    }

    [Fact]
    public void Resolve_BusinessHoursTeamAtNight_SeniorOfTheCoveringTeam()
    {
        var duty = Roster.OnDutyAt("app", InlineRoster.At("2026-11-03 22:00"));

        Assert.Equal("s", PageTargets.Resolve(PageTarget.Senior, duty, Roster)?.Id);
        Assert.Equal("b", PageTargets.Resolve(PageTarget.OnDuty, duty, Roster)?.Id);
    }

    [Fact]
    public void Parse_NotATarget_Null()
    {
        Assert.Null(PageTarget.Parse("everyone"));
        Assert.Null(PageTarget.Parse("person:"));
    }
}
