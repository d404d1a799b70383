using AlertEngine.Storage;
using AlertEngine.Tickets;
using Microsoft.Extensions.Logging;

namespace AlertEngine.Correlate;

/// <summary>
/// Resolves the PROBLEM tickets whose key has stayed away for their quiet period
/// (<see cref="QuietDecision"/>), with the reason on their timeline. The time comes from the
/// injected <see cref="TimeProvider"/>, so tests move a fake clock and call <see cref="RunAsync"/>;
/// in the engine <see cref="ProblemQuietJob"/> calls it on a schedule. It takes its turn at the
/// <see cref="WriteGate"/> and owns its one short transaction.
/// </summary>
public sealed partial class ProblemQuietCheck(SqliteConnectionFactory connections, WriteGate gate, TimeProvider time, ILogger<ProblemQuietCheck> logger)
{
    /// <summary>Who resolves on the timeline: the engine itself.</summary>
    public const string Actor = "alertengine";

    /// <summary>Resolves every PROBLEM that is due; returns how many it resolved.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(cancellationToken);
        var now = time.GetUtcNow();
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        var session = new DbSession(connection, transaction);
        var resolved = 0;
        foreach (var problem in TicketStore.ListActiveProblems(session))
        {
            var verdict = QuietDecision.Decide(problem, now);
            if (!verdict.Resolve)
            {
                continue;
            }

            TicketStore.Resolve(session, problem.Id, Actor, now);
            TicketStore.AddTimeline(session, problem.Id, new TimelineEntry(now, "resolved", Actor, "engine", verdict.Reason), inboxId: null);
            LogResolved(logger, problem.Number, verdict.Reason);
            resolved++;
        }

        transaction.Commit();
        return resolved;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PROBLEM ticket {TicketNumber} resolved by itself: {Reason}")]
    private static partial void LogResolved(ILogger logger, string ticketNumber, string reason);
}
