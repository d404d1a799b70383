using AlertEngine.Tickets;

namespace AlertEngine.UnitTests.Tickets;

/// <summary>What a person may open through the API; every bad field is named at once.</summary>
public sealed class NewTicketRulesTests
{
    private static readonly NewTicketInput Good = new("REQUEST", "L3", "nc", "Open port 8443 on srv-nc-web1", "Customer asked by mail");

    // rule, input, fields named
    public static TheoryData<string, NewTicketInput, string[]> Bad => new()
    {
        { "no type", Good with { Type = null }, ["type"] },
        { "unknown type", Good with { Type = "INCIDENT" }, ["type"] },
        { "ALERT only from the engine", Good with { Type = "ALERT" }, ["type"] },
        { "PROBLEM only from the engine", Good with { Type = "problem" }, ["type"] },
        { "no level", Good with { Level = " " }, ["level"] },
        { "level out of range", Good with { Level = "L5" }, ["level"] },
        { "level as a number", Good with { Level = "1" }, ["level"] },
        { "PROJECT without customer", Good with { Type = "PROJECT", Customer = null }, ["customer"] },
        { "customer with a dash", Good with { Customer = "n-c" }, ["customer"] },
        { "customer too long", Good with { Customer = new string('c', 17) }, ["customer"] },
        { "no title", Good with { Title = null }, ["title"] },
        { "blank title", Good with { Title = "   " }, ["title"] },
        { "title too long", Good with { Title = new string('t', 201) }, ["title"] },
        { "title over two lines", Good with { Title = "one\ntwo" }, ["title"] },
        { "description too long", Good with { Description = new string('d', 10_001) }, ["description"] },
        { "everything wrong at once", new NewTicketInput("ALERT", "L9", "n c", "", null), ["type", "level", "customer", "title"] },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Check_BadInput_NamesEachField(string rule, NewTicketInput input, string[] fields)
    {
        var check = NewTicketRules.Check(input);

        Assert.True(check.Ticket is null, rule);
        Assert.True(fields.Order().SequenceEqual(check.Errors.Keys.Order()), $"{rule}: {string.Join(", ", check.Errors.Keys)}");
    }

    [Theory]
    [InlineData("REQUEST")]
    [InlineData("task")]
    [InlineData("Project")]
    public void Check_PeopleTypes_Accepted(string type)
    {
        var check = NewTicketRules.Check(Good with { Type = type });

        Assert.Empty(check.Errors);
        Assert.Equal(type.ToUpperInvariant(), check.Ticket!.Type.ToString());
    }

    [Fact]
    public void Check_Good_TrimsAndLowerCasesTheCustomer()
    {
        var check = NewTicketRules.Check(new NewTicketInput(" task ", " l2 ", " NC ", "  Rotate logs  ", "  "));

        Assert.Equal(new NewTicket(TicketType.TASK, SupportLevel.L2, "nc", "Rotate logs", null), check.Ticket);
    }

    [Fact]
    public void Check_RequestWithoutCustomer_Accepted()
    {
        Assert.NotNull(NewTicketRules.Check(Good with { Customer = null }).Ticket);
    }
}
