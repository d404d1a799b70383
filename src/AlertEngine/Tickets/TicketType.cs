namespace AlertEngine.Tickets;

/// <summary>
/// ALERT (one per incident from monitoring), PROBLEM (something that keeps coming back),
/// REQUEST, TASK and PROJECT (created by people, later issues).
/// </summary>
public enum TicketType
{
    ALERT,
    PROBLEM,
    REQUEST,
    TASK,
    PROJECT,
}
