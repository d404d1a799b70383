namespace AlertEngine.Host.Commands.Bench.OutOfProcess;

/// <summary>The last lines an engine process wrote (stdout and stderr), kept to explain a failed start or stop.</summary>
internal sealed class OutputTail(int capacity)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _lock = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    /// <summary>The kept lines, indented, or a note that the process wrote nothing.</summary>
    public override string ToString()
    {
        lock (_lock)
        {
            return _lines.Count == 0 ? "  (the engine wrote nothing)" : string.Join(Environment.NewLine, _lines.Select(l => "  | " + l));
        }
    }
}
