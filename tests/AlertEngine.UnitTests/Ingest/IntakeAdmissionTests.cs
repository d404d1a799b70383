using AlertEngine.Ingest;
using Microsoft.Extensions.Options;

namespace AlertEngine.UnitTests.Ingest;

public sealed class IntakeAdmissionTests
{
    [Fact]
    public void TryEnter_AllPlacesTaken_NullUntilOneIsFreed()
    {
        var admission = new IntakeAdmission(Options.Create(new IngestOptions { MaxConcurrentRequests = 16 }));
        var slots = Enumerable.Range(0, 16).Select(_ => admission.TryEnter()).ToList();

        Assert.All(slots, Assert.NotNull);
        Assert.Null(admission.TryEnter());
        Assert.Equal(16, admission.InProgress);

        slots[3]!.Dispose();

        using var next = admission.TryEnter();
        Assert.NotNull(next);
        Assert.Null(admission.TryEnter());
    }

    [Fact]
    public void Slot_DisposedTwice_FreesItsPlaceOnce()
    {
        var admission = new IntakeAdmission(Options.Create(new IngestOptions { MaxConcurrentRequests = 16 }));
        var first = admission.TryEnter()!;
        using var second = admission.TryEnter();

        first.Dispose();
        first.Dispose();

        Assert.Equal(1, admission.InProgress);
    }
}
