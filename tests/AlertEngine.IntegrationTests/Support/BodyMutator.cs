using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>
/// Generates hostile webhook bodies from the real samples (samples/zabbix/payloads/): fields
/// dropped, duplicated or of the wrong type, numbers that overflow, deep nesting, bodies near
/// the 64 KiB limit, invalid UTF-8, truncations, byte flips, and purely random bytes. Each
/// body says what the webhook contract expects of it. Body <c>i</c> of a seed is always the
/// same bytes, so a failure can be replayed from the seed alone.
/// </summary>
internal sealed partial class BodyMutator(int seed)
{
    /// <summary>Ingest:MaxBodyBytes by default; one byte more is 413.</summary>
    public const int MaxBodyBytes = 65_536;

    /// <summary>A placeholder value, replaced by raw text or bytes after serialising.</summary>
    private const string Hole = "FUZZ_HOLE_9f3c";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Indented = new(Compact) { WriteIndented = true };
    private static readonly (string Kind, string Json)[] Bases = [("problem", Samples.Problem), ("update", Samples.Update), ("recovery", Samples.Recovery)];

    private static readonly (int Weight, Func<Random, Sample, Made> Make)[] Mutations =
    [
        (8, FreshEvent), (6, DropField), (2, DropFields), (14, WrongValue), (5, RightValue), (4, LongText), (4, UnicodeText),
        (4, Nesting), (6, NotAnEventObject), (10, Truncated), (6, InvalidUtf8), (5, ControlCharacters), (2, LoneSurrogate),
        (6, HarmlessVariant), (10, ByteDamage), (7, RandomBody),
    ];

    private static readonly int TotalWeight = Mutations.Sum(m => m.Weight);

    public int Seed { get; } = seed;

    public FuzzBody Next(int index)
    {
        var random = new Random(unchecked((Seed * 7919) + index));
        var pick = random.Next(TotalWeight); // a weighted choice: walk the weights down past the pick
        var (_, make) = Mutations.First(m => (pick -= m.Weight) < 0);
        var (kind, json) = Bases[random.Next(Bases.Length)];
        var made = make(random, new Sample(kind, JsonNode.Parse(json)!.AsObject(), Pretty: random.Next(3) == 0));
        return new FuzzBody(index, make.Method.Name, $"{kind}: {made.Mutation}", made.Expected, made.Bytes);
    }

    private sealed record Made(string Mutation, BodyVerdict Expected, byte[] Bytes);

    /// <summary>A fresh copy of one sample (problem, update or recovery) to mutate.</summary>
    private sealed record Sample(string Kind, JsonObject Json, bool Pretty)
    {
        public byte[] Bytes() => Encoding.UTF8.GetBytes(Text());

        public string Text() => Json.ToJsonString(Pretty ? Indented : Compact);

        /// <summary>The body with <paramref name="field"/>'s whole value replaced by raw text.</summary>
        public byte[] With(string field, string rawValue) => Splice(field, Encoding.UTF8.GetBytes(rawValue));

        /// <summary>The body with <paramref name="field"/>'s whole value replaced by raw bytes.</summary>
        public byte[] Splice(string field, byte[] rawValue)
        {
            Json[field] = Hole;
            var text = Encoding.UTF8.GetBytes(Text());
            var quoted = Encoding.UTF8.GetBytes($"\"{Hole}\"");
            var at = text.AsSpan().IndexOf(quoted);
            return [.. text.AsSpan(0, at), .. rawValue, .. text.AsSpan(at + quoted.Length)];
        }
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text, Compact);

    private static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    private static Made FreshEvent(Random r, Sample s)
    {
        var o = s.Json;
        o["event_id"] = Digits(r, r.Next(4, 20));
        o["severity"] = r.Next(6);
        if (r.Next(3) == 0)
        {
            o["trigger_id"] = Digits(r, r.Next(1, 12));
        }

        if (r.Next(2) == 0)
        {
            o["host"] = r.Next(2) == 0 ? $"srv-{Unicode(r)}-web1" : Unicode(r);
            o["host_name"] = Unicode(r);
            o["event_name"] = Unicode(r);
        }

        if (s.Kind == "recovery")
        {
            o["recovery_event_id"] = Digits(r, r.Next(4, 20));
        }

        if (s.Kind == "update")
        {
            o["update_message"] = Unicode(r);
        }

        return r.Next(3) == 0
            ? new("fresh event with tags", BodyVerdict.Valid, s.With("tags", RightValue(r, FieldType.Tags, "tags")))
            : new("fresh event", BodyVerdict.Valid, s.Bytes());
    }

    private static Made DropField(Random r, Sample s)
    {
        var field = Pick(r, Fields.Where(f => s.Json.ContainsKey(f.Name)).ToList());
        var asNull = r.Next(2) == 0;
        if (asNull)
        {
            s.Json[field.Name] = null;
        }
        else
        {
            s.Json.Remove(field.Name);
        }

        return new($"{field.Name} {(asNull ? "null" : "dropped")}", field.IsRequiredOn(s.Kind) ? BodyVerdict.Invalid : BodyVerdict.Valid, s.Bytes());
    }

    private static Made DropFields(Random r, Sample s)
    {
        var dropped = Fields.Where(f => s.Json.ContainsKey(f.Name) && r.Next(3) == 0).ToList();
        dropped.ForEach(f => s.Json.Remove(f.Name));
        var verdict = dropped.Exists(f => f.IsRequiredOn(s.Kind)) ? BodyVerdict.Invalid : BodyVerdict.Valid;
        return new($"dropped {string.Join(",", dropped.Select(f => f.Name))}", verdict, s.Bytes());
    }

    private static Made WrongValue(Random r, Sample s)
    {
        var field = Pick(r, Fields);
        var value = Pick(r, [.. WrongValues(field.Type), .. field.Type == FieldType.Text && field.IsRequiredOn("all") ? BlankTexts : []]);
        return new($"{field.Name} = {Shorten(value)}", BodyVerdict.Invalid, s.With(field.Name, value));
    }

    private static Made RightValue(Random r, Sample s)
    {
        var field = Pick(r, Fields.Where(f => f.Type != FieldType.Int || f.Name == "event_source").ToList());
        var value = RightValue(r, field.Type, field.Name);
        return new($"{field.Name} = {Shorten(value)}", BodyVerdict.Valid, s.With(field.Name, value));
    }

    private static Made LongText(Random r, Sample s)
    {
        var field = Pick(r, Fields.Where(f => f.Type == FieldType.Text).ToList());
        switch (r.Next(3))
        {
            case 0:
                return new($"{field.Name} of 4096 characters", BodyVerdict.Valid, s.With(field.Name, Quote(new string('日', 4096))));
            case 1:
                var length = r.Next(4097, 20_000);
                return new($"{field.Name} of {length} characters", BodyVerdict.Invalid, s.With(field.Name, Quote(new string('x', length))));
            default:
                // An unknown field pads the body to just under, at, or just over the limit.
                var target = MaxBodyBytes + Pick(r, [0, -1, 1, -r.Next(2, 5000), r.Next(2, 5000)]);
                var withoutPadding = s.With("padding", "\"\"").Length;
                var filler = new StringBuilder(new string('é', Math.Max(0, (target - withoutPadding) / 4)));
                filler.Append('x', Math.Max(0, target - withoutPadding - Encoding.UTF8.GetByteCount(filler.ToString())));
                var body = s.With("padding", Quote(filler.ToString()));
                return new($"padded to {body.Length} bytes", body.Length <= MaxBodyBytes ? BodyVerdict.Valid : BodyVerdict.Invalid, body);
        }
    }

    private static Made UnicodeText(Random r, Sample s)
    {
        foreach (var name in new[] { "host", "host_name", "event_name", "update_user", "opdata" }.Where(_ => r.Next(2) == 0))
        {
            s.Json[name] = Unicode(r);
        }

        s.Json[Unicode(r)] = Unicode(r);
        s.Json["host_groups"] = new JsonArray(Unicode(r), Unicode(r));
        return new("unicode text", BodyVerdict.Valid, s.Bytes());
    }

    private static Made Nesting(Random r, Sample s)
    {
        // The root object is one level; the engine reads at most 8.
        var depth = r.Next(4) switch { 0 => r.Next(1, 7), 1 => r.Next(7, 9), 2 => r.Next(9, 64), _ => Pick(r, [100, 1000, 20_000]) };
        var verdict = depth <= 6 ? BodyVerdict.Valid : depth <= 7 ? BodyVerdict.Either : BodyVerdict.Invalid;
        var arrays = r.Next(2) == 0;
        var nested = arrays
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        return r.Next(4) switch
        {
            0 => new($"whole body nested {depth} deep", BodyVerdict.Invalid, Encoding.UTF8.GetBytes(nested)),
            1 => new($"tags nested {depth} deep", arrays && depth == 1 ? BodyVerdict.Valid : BodyVerdict.Invalid, s.With("tags", nested)),
            2 => new($"unclosed nesting {depth} deep", BodyVerdict.Invalid, s.With("nested", nested[..depth])),
            _ => new($"unknown field nested {depth} deep", verdict, s.With("nested", nested)),
        };
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : $"{text[..37]}...({text.Length} chars)";
}
