using System.Text;
using System.Text.RegularExpressions;
using AlertEngine.Classify;

namespace AlertEngine.UnitTests.Classify;

/// <summary>
/// Globs match without a regex, exactly as the anchored, case-insensitive regex they used to be
/// compiled to (<c>*</c> → <c>.*</c>, <c>?</c> → <c>.</c>) for every pattern and value below.
/// </summary>
public sealed class GlobTests
{
    private static readonly string[] Globs =
    [
        "", "*", "**", "?", "srv-nc-web1", "SRV-NC-*", "*-db*", "*.example.com", "srv-*-db*", "srv-*-db?", "srv-??-*",
        "*on volume /data1*", "Zabbix agent on * is unreachable for 5 minutes", "a*b*c", "*a*a*", "?*?", "*?", "??", "x*x", "*lag*shard 7*",
    ];

    private static readonly string[] Values =
    [
        "", "a", "ab", "abc", "aXbYc", "aa", "xx", "x", "srv-nc-web1", "SRV-nc-WEB1", "srv-acme-db1", "srv-acme-db12", "srv-acme-db", "srv-nc-db-01",
        "db", "-db", "host.example.com", "example.com", "Free disk space is less than 10% on volume /data1 (ext4)",
        "Zabbix agent on srv-nc-web1 is unreachable for 5 minutes", "zabbix AGENT on  is unreachable for 5 minutes",
        "MySQL: Replication lag on shard 7 is high", "srv-nc-x", "ü-db", "\n-db\n",
    ];

    public static TheoryData<string> AllGlobs => [.. Globs];

    [Theory]
    [MemberData(nameof(AllGlobs))]
    public void Glob_EveryValue_SameAsTheAnchoredCaseInsensitiveRegex(string glob)
    {
        var regex = AsRegex(glob);
        var compiled = new Glob(glob);

        foreach (var value in Values)
        {
            Assert.True(regex.IsMatch(value) == compiled.IsMatch(value), $"glob '{glob}' on '{value}'");
        }
    }

    [Theory]
    [InlineData("srv-*-db?", "srv-acme-db1", true)]
    [InlineData("srv-*-db?", "srv-acme-db12", false)]
    [InlineData("*a*a*", "a", false)]
    [InlineData("a*b*c", "ACB", false)]
    [InlineData("SRV-NC-*", "srv-nc-web1", true)]
    public void Glob_Value_MatchesAsWritten(string glob, string value, bool matches)
    {
        Assert.Equal(matches, new Glob(glob).IsMatch(value));
    }

    /// <summary>What a glob meant before it had its own matcher.</summary>
    private static Regex AsRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        foreach (var c in glob)
        {
            pattern.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }
}
