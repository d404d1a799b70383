using System.Text.RegularExpressions;

namespace AlertEngine.Classify;

/// <summary>
/// Matches one text field of the event (server, event name, host, host group, customer)
/// against any of its patterns. For fields with several values (a host's technical and
/// visible name, its host groups) one matching value is enough.
/// </summary>
internal sealed class FieldMatcher(string field, IReadOnlyList<TextPattern> patterns, Func<RuleInput, FieldValues> values, int cost) : IEventMatcher
{
    public string Field { get; } = field;

    private readonly TextPattern[] _patterns = [.. patterns];

    public IReadOnlyList<TextPattern> Patterns => _patterns;

    public int Cost { get; } = cost;

    public bool Matches(RuleInput input)
    {
        var found = values(input);
        for (var p = 0; p < _patterns.Length; p++)
        {
            if (found.AnyMatch(_patterns[p]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The named groups of the first regex that matches, for <c>{match.NAME}</c>.</summary>
    public void AddCaptures(RuleInput input, Dictionary<string, string> captures)
    {
        var found = values(input);
        foreach (var pattern in Patterns)
        {
            if (pattern.Regex is null)
            {
                continue;
            }

            foreach (var value in found.All())
            {
                Match match;
                try
                {
                    match = pattern.Regex.Match(value);
                }
                catch (RegexMatchTimeoutException)
                {
                    continue;
                }

                if (!match.Success)
                {
                    continue;
                }

                foreach (Group group in match.Groups)
                {
                    if (group.Success && !int.TryParse(group.Name, out _))
                    {
                        captures.TryAdd(group.Name, group.Value);
                    }
                }

                return;
            }
        }
    }

    public string Mismatch(RuleInput input)
    {
        var found = values(input).All().ToList();
        var wanted = string.Join(" or ", Patterns.Select(p => p.Description));
        return found.Count == 0
            ? $"{Field} is not set, so it cannot match {wanted}"
            : $"{Field} '{string.Join("', '", found)}' does not match {wanted}";
    }
}

/// <summary>One or two values of a field, or a list of them (host groups), without allocating for the common case.</summary>
internal readonly struct FieldValues(string? first, string? second = null, IReadOnlyList<string>? many = null)
{
    public bool AnyMatch(TextPattern pattern)
    {
        // The visible host name is usually the technical one: test the same text once.
        if (pattern.IsMatch(first) || (second is not null && !string.Equals(second, first, StringComparison.Ordinal) && pattern.IsMatch(second)))
        {
            return true;
        }

        if (many is null)
        {
            return false;
        }

        for (var i = 0; i < many.Count; i++)
        {
            if (pattern.IsMatch(many[i]))
            {
                return true;
            }
        }

        return false;
    }

    public IEnumerable<string> All()
    {
        if (first is not null)
        {
            yield return first;
        }

        if (second is not null && second != first)
        {
            yield return second;
        }

        foreach (var value in many ?? [])
        {
            yield return value;
        }
    }
}
