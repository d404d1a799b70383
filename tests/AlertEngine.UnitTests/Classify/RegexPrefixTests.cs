using System.Text.RegularExpressions;
using AlertEngine.Classify;

namespace AlertEngine.UnitTests.Classify;

/// <summary>The literal prefix check in front of a regex never turns away a value the regex matches.</summary>
public sealed class RegexPrefixTests
{
    // pattern, prefix (null: none)
    public static TheoryData<string, string?> Prefixes => new()
    {
        { @"^srv-nc-(web|db|app)\d+", "srv-nc-" },
        { @"^srv-(?<customer>[a-z0-9]+)-", "srv-" },
        { @"^(?i:srv)-(?<customer>[A-Za-z0-9]+)-", null },
        { @"^(?i)srv-nc", null },
        { @"srv-nc-.*", null },
        { @"^srv-nc|^srv-ab", null },
        { @"^abc*", "ab" },
        { @"^abc?d", "ab" },
        { @"^abc+", "ab" },
        { @"^abc{2}", "ab" },
        { @"^a\.b\.c", "a.b.c" },
        { @"^ab[cd]", "ab" },
        { @"^x", null },
        { @"^disk \(full\)", "disk (full)" },
        { @"^10\.0\.4\.\d+$", "10.0.4." },
    };

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void Of_Pattern_LiteralPrefixOrNone(string pattern, string? prefix)
    {
        Assert.Equal(prefix, RegexPrefix.Of(pattern));
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void Of_EveryValueTheRegexMatches_StartsWithThePrefix(string pattern, string? prefix)
    {
        string[] values = ["srv-nc-web1", "srv-nc-db12", "srv-ab-web1", "SRV-nc-web1", "srv-x-", "abcc", "abd", "ab", "abcd", "abcc", "a.b.c", "abc", "abd", "x", "disk (full)", "10.0.4.17", "srv-nc"];
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);
        foreach (var value in values.Where(v => regex.IsMatch(v)))
        {
            Assert.True(prefix is null || value.StartsWith(prefix, StringComparison.Ordinal), $"{pattern} matches {value} but the prefix is {prefix}");
        }
    }
}
