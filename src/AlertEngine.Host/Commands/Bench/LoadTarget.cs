namespace AlertEngine.Host.Commands.Bench;

/// <summary>
/// Where a run sends its webhook calls and the token it presents. The bare endpoint gets the
/// same header and ignores it, so both targets receive byte-for-byte the same requests.
/// </summary>
internal sealed record LoadTarget(string Name, Uri EventsUri, string Token);
