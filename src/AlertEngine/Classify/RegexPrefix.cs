using System.Text;

namespace AlertEngine.Classify;

/// <summary>
/// The literal text an anchored regex must start with (<c>^srv-nc-(web|db)\d+</c> → <c>srv-nc-</c>),
/// so that most non-matching values are turned away by a plain prefix check before the regex
/// runs: with a thousand rules the regex calls are the cost. Null when there is no such prefix
/// (not anchored, an alternation at the top, a case-insensitive option at the start).
/// </summary>
internal static class RegexPrefix
{
    private const string Meta = ".*+?()[]{}|\\^$";

    public static string? Of(string pattern)
    {
        if (pattern.Length < 2 || pattern[0] != '^' || HasTopLevelAlternation(pattern))
        {
            return null;
        }

        var prefix = new StringBuilder();
        for (var i = 1; i < pattern.Length; i++)
        {
            var c = pattern[i];
            char literal;
            if (c == '\\' && i + 1 < pattern.Length && Meta.Contains(pattern[i + 1], StringComparison.Ordinal) || c == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '-' or '/' or ' ' or '#')
            {
                literal = pattern[++i];
            }
            else if (Meta.Contains(c, StringComparison.Ordinal) || char.IsWhiteSpace(c) && c != ' ')
            {
                // A quantifier applies to the literal before it, which may then be absent.
                if (c is '*' or '+' or '?' or '{' && prefix.Length > 0)
                {
                    prefix.Length--;
                }

                break;
            }
            else
            {
                literal = c;
            }

            // A quantifier right after this literal is handled on the next turn.
            prefix.Append(literal);
        }

        return prefix.Length >= 2 ? prefix.ToString() : null;
    }

    private static bool HasTopLevelAlternation(string pattern)
    {
        var depth = 0;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[' when !inClass:
                    inClass = true;
                    break;
                case ']' when inClass:
                    inClass = false;
                    break;
                case '(' when !inClass:
                    depth++;
                    break;
                case ')' when !inClass:
                    depth--;
                    break;
                case '|' when !inClass && depth == 0:
                    return true;
            }
        }

        return false;
    }
}
