using System.Buffers;
using AlertEngine.Host.Commands.Bench.Storm;
using AlertEngine.Ingest;
using AlertEngine.Ingest.Zabbix;

namespace AlertEngine.UnitTests.Host.Commands.Bench.Storm;

/// <summary>The storm's bodies are what the webhook accepts, each distinct delivery is its own inbox key, and a redelivery is the same key.</summary>
public sealed class StormBodiesTests
{
    private static readonly StormPlan Plan = StormGenerator.Generate(3_000, 150, seed: 5, new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Write_EveryDelivery_ValidPayloadOfItsKind()
    {
        foreach (var d in Plan.Deliveries)
        {
            var e = Parse(d);
            var key = Plan.Triggers[d.Trigger];

            Assert.Equal(key.ProblemEventId, e.EventId);
            Assert.Equal(key.TriggerId, e.TriggerId);
            Assert.Equal(key.Severity, e.Severity);
            Assert.Equal(d.Kind switch { StormDeliveryKind.Problem => EventKind.Problem, StormDeliveryKind.Recovery => EventKind.Recovery, _ => EventKind.Update }, e.Kind);
            Assert.Equal(d.Kind == StormDeliveryKind.Acknowledge, e.Update?.Acknowledges ?? false);
            Assert.False(e.Update?.Unacknowledges ?? false);
            if (d.Kind == StormDeliveryKind.Acknowledge)
            {
                Assert.Equal(key.AcknowledgedBy, e.Update!.User);
            }
        }
    }

    [Fact]
    public void Write_DistinctDeliveries_EachItsOwnInboxKey()
    {
        var keys = Plan.Deliveries.Where(d => !d.Redelivery).Select(d => InboxKey.For(Parse(d))).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Write_Redelivery_SameBytesAsTheOriginal()
    {
        var redelivery = Plan.Deliveries.First(d => d.Redelivery && d.Kind == StormDeliveryKind.Comment);
        var original = redelivery with { Wave = redelivery.Wave - 1, Redelivery = false };

        Assert.Equal(Body(original), Body(redelivery));
    }

    private static ZabbixEvent Parse(StormDelivery d)
    {
        var result = ZabbixWebhookPayload.Parse("bench", Body(d));
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Event!;
    }

    private static byte[] Body(StormDelivery d)
    {
        var buffer = new ArrayBufferWriter<byte>();
        StormBodies.Write(Plan, d, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
