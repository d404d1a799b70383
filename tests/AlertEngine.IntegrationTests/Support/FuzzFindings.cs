using System.Collections.Concurrent;
using System.Text;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>
/// What a fuzz run found, grouped by kind of problem, each kept with the exact request body
/// (base64) and the seed, so that it can be replayed: <c>ALERTENGINE_FUZZ_SEED=&lt;seed&gt; dotnet test</c>.
/// </summary>
internal sealed class FuzzFindings(int seed)
{
    /// <summary>Set to replay a run; otherwise every run draws a new seed.</summary>
    public const string SeedVariable = "ALERTENGINE_FUZZ_SEED";

    private const int ExamplesPerKind = 3;

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _byKind = new();
    private int _count;

    public int Seed { get; } = seed;

    public static int ChooseSeed() =>
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), System.Globalization.CultureInfo.InvariantCulture, out var seed) ? seed : Random.Shared.Next();

    /// <summary>Adds a finding; <paramref name="kind"/> groups findings with one cause.</summary>
    public void Add(string kind, string detail, FuzzBody? body = null)
    {
        Interlocked.Increment(ref _count);
        var examples = _byKind.GetOrAdd(kind, _ => new ConcurrentQueue<string>());
        if (examples.Count < ExamplesPerKind)
        {
            examples.Enqueue(body is null ? detail : $"{detail}\n      {body}");
        }
    }

    public void AssertNone()
    {
        if (_count == 0)
        {
            return;
        }

        var report = new StringBuilder($"{_count} findings with seed {Seed} (replay: {SeedVariable}={Seed} dotnet test --filter HostileInputTests):");
        foreach (var (kind, examples) in _byKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            report.Append("\n  [").Append(kind).Append(']');
            foreach (var example in examples)
            {
                report.Append("\n    - ").Append(example);
            }
        }

        Assert.Fail(report.ToString());
    }
}
