namespace AlertEngine.Host.Commands.Bench;

/// <summary>
/// A benchmark could not do its work (the engine did not start, exited, or did not stop): the
/// benchmark is reported as broken with this message, and <c>bench all</c> goes on with the next.
/// </summary>
internal sealed class BenchFailedException : Exception
{
    public BenchFailedException()
    {
    }

    public BenchFailedException(string message)
        : base(message)
    {
    }

    public BenchFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
