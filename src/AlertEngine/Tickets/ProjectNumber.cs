using System.Globalization;

namespace AlertEngine.Tickets;

/// <summary>
/// PROJECT ticket numbers: the customer code upper-cased, the customer's project number in five
/// digits, a dot and the phase: <c>NC00012.1</c> is customer nc's 12th project, phase 1. Each
/// customer counts its projects from 1 (Storage/Migrations/0003, project_sequences). A PROJECT
/// ticket opened through the API starts a new project, so its phase is always 1; the phase leaves
/// room for later phases of the same project (NC00012.2) without renumbering the first.
/// </summary>
public static class ProjectNumber
{
    /// <summary>The phase of a newly opened project.</summary>
    public const int FirstPhase = 1;

    public static string Format(string customer, long project, int phase = FirstPhase)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customer);
        ArgumentOutOfRangeException.ThrowIfLessThan(project, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(phase, 1);
        // Five digits; a customer's 100,000th project simply gets six.
        return string.Create(CultureInfo.InvariantCulture, $"{customer.ToUpperInvariant()}{project:D5}.{phase}");
    }
}
