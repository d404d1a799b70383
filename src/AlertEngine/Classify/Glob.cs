namespace AlertEngine.Classify;

/// <summary>
/// A glob compiled once per load: <c>*</c> is any run of characters, <c>?</c> any one character,
/// and the whole value must match, ignoring case (ordinal). No regex: the literal pieces between
/// the stars are matched in order, the first at the start of the value and the last at its end
/// (taking each middle piece at its first place is enough for stars).
/// </summary>
internal sealed class Glob
{
    private readonly string[] _pieces;
    private readonly bool _anyQuestion;
    private readonly int _minLength;

    public Glob(string glob)
    {
        ArgumentNullException.ThrowIfNull(glob);
        _pieces = glob.Split('*');
        _anyQuestion = glob.Contains('?', StringComparison.Ordinal);
        _minLength = _pieces.Sum(p => p.Length);
    }

    public bool IsMatch(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.AsSpan();
        var first = _pieces[0];
        if (_pieces.Length == 1)
        {
            return text.Length == first.Length && PieceAt(text, first);
        }

        var last = _pieces[^1];
        if (text.Length < _minLength || !PieceAt(text, first) || !PieceAt(text[^last.Length..], last))
        {
            return false;
        }

        var between = text[first.Length..^last.Length];
        for (var i = 1; i < _pieces.Length - 1; i++)
        {
            var at = Find(between, _pieces[i]);
            if (at < 0)
            {
                return false;
            }

            between = between[(at + _pieces[i].Length)..];
        }

        return true;
    }

    /// <summary>Whether <paramref name="text"/> starts with the piece (<c>?</c> takes any character).</summary>
    private bool PieceAt(ReadOnlySpan<char> text, string piece)
    {
        if (!_anyQuestion || !piece.Contains('?', StringComparison.Ordinal))
        {
            return text.StartsWith(piece, StringComparison.OrdinalIgnoreCase);
        }

        if (text.Length < piece.Length)
        {
            return false;
        }

        for (var i = 0; i < piece.Length; i++)
        {
            if (piece[i] != '?' && !text.Slice(i, 1).Equals(piece.AsSpan(i, 1), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Where the piece first occurs in <paramref name="text"/>, or -1.</summary>
    private int Find(ReadOnlySpan<char> text, string piece)
    {
        if (!_anyQuestion || !piece.Contains('?', StringComparison.Ordinal))
        {
            return text.IndexOf(piece, StringComparison.OrdinalIgnoreCase);
        }

        for (var at = 0; at + piece.Length <= text.Length; at++)
        {
            if (PieceAt(text[at..], piece))
            {
                return at;
            }
        }

        return -1;
    }
}
