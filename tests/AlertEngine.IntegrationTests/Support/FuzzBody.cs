namespace AlertEngine.IntegrationTests.Support;

/// <summary>What the webhook contract says about a generated body, whatever the engine does with it.</summary>
internal enum BodyVerdict
{
    /// <summary>A well-formed event: must be stored (202) or recognised as already stored (200).</summary>
    Valid,

    /// <summary>Broken by construction: must be refused with a 400 (or 413 when too large), storing nothing.</summary>
    Invalid,

    /// <summary>Random damage: any clear answer will do, never a 5xx, and a 2xx must really be stored.</summary>
    Either,
}

/// <summary>One generated webhook body: the generator and mutation that made it, what the contract expects, and its exact bytes.</summary>
internal sealed record FuzzBody(int Index, string Generator, string Mutation, BodyVerdict Expected, byte[] Bytes)
{
    public string Base64 => Convert.ToBase64String(Bytes);

    public override string ToString() => $"body #{Index} ({Generator}: {Mutation}, expected {Expected}, {Bytes.Length} bytes, base64 {Base64})";
}
