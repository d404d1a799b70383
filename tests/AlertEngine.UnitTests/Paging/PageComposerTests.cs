using AlertEngine.Outbox;
using AlertEngine.Paging;
using AlertEngine.Tickets;

namespace AlertEngine.UnitTests.Paging;

/// <summary>What one send says: its own text and link, or one bundle for several pages.</summary>
public sealed class PageComposerTests
{
    [Fact]
    public void Compose_OneSmsPage_ItsOwnTextWithItsLink()
    {
        var page = Row(1, "1234", SupportLevel.L2);

        var composed = PageComposer.Compose(PageChannel.Sms, [page], r => $"https://ae.example/a/t{r.Id}");

        Assert.Contains("ACK 1234", composed.Body, StringComparison.Ordinal);
        Assert.EndsWith("https://ae.example/a/t1", composed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_SeveralSmsPages_OneBundleMostSevereFirstAckAll()
    {
        var composed = PageComposer.Compose(PageChannel.Sms, [Row(1, "1240", SupportLevel.L3), Row(2, "1234", SupportLevel.L1)], _ => "unused");

        Assert.Contains("ACK ALL", composed.Body, StringComparison.Ordinal);
        Assert.True(composed.Body.IndexOf("1234", StringComparison.Ordinal) < composed.Body.IndexOf("1240", StringComparison.Ordinal));
        Assert.DoesNotContain("unused", composed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_CallForSeveralPages_SpeaksTheMostSevereInThePersonsLanguage()
    {
        var composed = PageComposer.Compose(PageChannel.Call, [Row(1, "1240", SupportLevel.L3, PageLanguage.Chinese), Row(2, "1234", SupportLevel.L1, PageLanguage.Chinese)], _ => null);

        Assert.Equal(PageLanguage.Chinese, composed.Language);
        Assert.Contains("1 2 3 4", composed.Body, StringComparison.Ordinal);
    }

    private static PageRow Row(long id, string number, SupportLevel level, PageLanguage language = PageLanguage.English)
    {
        var payload = new PagePayload(number, level, "acme", "srv-acme-web1", "Disk full on /var", "zhang.wei", "Zhang Wei", language, 0, "escalation step 1");
        var message = new OutboxMessage
        {
            Id = id,
            Kind = "page.sms",
            TicketId = id,
            Target = "+8613800000011",
            Payload = payload.Serialize(),
            DedupKey = $"k{id}",
            State = OutboxState.Pending,
            Attempts = 0,
            NextAttemptAt = DateTimeOffset.UnixEpoch,
            CreatedAt = DateTimeOffset.UnixEpoch,
        };
        return new PageRow(message, payload, null, null, null, null);
    }
}
