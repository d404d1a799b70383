using AlertEngine.Tickets;

namespace AlertEngine.Paging;

/// <summary>
/// What happens, for tickets of one level, until someone acknowledges: the steps (in file order;
/// a respond-deadline step is placed by its instant when the chain runs), and how many more times
/// the whole list runs after its last step (<see cref="Repeat"/>, 0–10).
/// </summary>
public sealed record EscalationPolicy(SupportLevel Level, IReadOnlyList<EscalationStep> Steps, int Repeat);
