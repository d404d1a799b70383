namespace AlertEngine.Tickets.Api;

/// <summary>
/// Who acted through the API, as the timeline and the acknowledged/resolved/closed columns show
/// it: the token's name (<c>desk</c>), or, when the call names a person in its optional
/// <c>by</c> field (a shared tool's token used on someone's behalf), <c>alice (desk)</c>: the
/// person first, the token that vouches for them in parentheses.
/// </summary>
public static class ApiActor
{
    /// <summary>Longest <c>by</c> accepted.</summary>
    public const int MaxByLength = 64;

    public static string Format(string tokenName, string? by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenName);
        var person = by?.Trim();
        return string.IsNullOrEmpty(person) ? tokenName : $"{person} ({tokenName})";
    }

    /// <summary>What is wrong with a <c>by</c> value, or null when it is fine (or absent).</summary>
    public static string? Check(string? by)
    {
        var person = by?.Trim();
        if (string.IsNullOrEmpty(person))
        {
            return null;
        }

        return person.Length > MaxByLength ? $"must be at most {MaxByLength} characters (it has {person.Length})"
            : person.Any(c => char.IsControl(c) || c is '(' or ')') ? "must be a name on one line, without control characters or parentheses"
            : null;
    }
}
