using System.Text;

namespace AlertEngine.Reports.Render;

/// <summary>
/// Writes HTML5 that is also well-formed XML: every element closed (void ones as <c>&lt;meta/&gt;</c>),
/// attributes quoted, text and attribute values escaped. Only <see cref="Raw"/> writes unescaped markup
/// (the stylesheet, the script, the charts), which its callers keep free of <c>&lt;</c> and <c>&amp;</c>.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new();
    private readonly Stack<string> _open = new();

    public HtmlWriter Open(string tag, params (string Name, string? Value)[] attributes)
    {
        Tag(tag, attributes);
        _html.Append('>');
        _open.Push(tag);
        return this;
    }

    public HtmlWriter Close()
    {
        _html.Append("</").Append(_open.Pop()).Append('>');
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public HtmlWriter Element(string tag, string? text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close();

    /// <summary>An element without content, such as <c>meta</c>: <c>&lt;meta …/&gt;</c>.</summary>
    public HtmlWriter Empty(string tag, params (string Name, string? Value)[] attributes)
    {
        Tag(tag, attributes);
        _html.Append("/>");
        return this;
    }

    public HtmlWriter Text(string? text)
    {
        _html.Append(Escape(text, attribute: false));
        return this;
    }

    public HtmlWriter Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public override string ToString() => _open.Count == 0
        ? _html.ToString()
        : throw new InvalidOperationException($"<{_open.Peek()}> is not closed");

    /// <summary>Text or an attribute value with <c>&amp; &lt; &gt;</c> (and in attributes quotes) escaped.</summary>
    public static string Escape(string? text, bool attribute)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // Control characters are not allowed in XML (nor useful in a page): dropped.
        if (text.Any(c => c < ' ' && c is not '\t' and not '\n' and not '\r'))
        {
            text = new string([.. text.Where(c => c >= ' ' || c is '\t' or '\n' or '\r')]);
        }

        var escaped = text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
        return attribute ? escaped.Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal) : escaped;
    }

    private void Tag(string tag, (string Name, string? Value)[] attributes)
    {
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                _html.Append(' ').Append(name).Append("=\"").Append(Escape(value, attribute: true)).Append('"');
            }
        }
    }
}
