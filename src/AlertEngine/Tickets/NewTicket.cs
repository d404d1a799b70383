using System.Text.RegularExpressions;

namespace AlertEngine.Tickets;

/// <summary>A REQUEST, TASK or PROJECT ticket a person asked for, already checked.</summary>
public sealed record NewTicket(TicketType Type, SupportLevel Level, string? Customer, string Title, string? Description);

/// <summary>What was asked for, as text from the request; null where a field was not given.</summary>
public sealed record NewTicketInput(string? Type, string? Level, string? Customer, string? Title, string? Description);

/// <summary>Either a checked <see cref="NewTicket"/> or every field error, by field name.</summary>
public sealed record NewTicketCheck(NewTicket? Ticket, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>
/// The rules for a ticket opened by a person: type REQUEST, TASK or PROJECT (ALERT and PROBLEM
/// are opened only by the engine), level L1–L4, a title of 1–200 characters, an optional
/// description up to 10,000, and a customer code (letters and digits, up to 16; stored lower
/// case) that a PROJECT must have because its number is made from it.
/// </summary>
public static partial class NewTicketRules
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 10_000;

    /// <summary>Checks every field and reports every problem at once.</summary>
    public static NewTicketCheck Check(NewTicketInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>();

        TicketType? type = null;
        if (string.IsNullOrWhiteSpace(input.Type))
        {
            errors["type"] = ["is required: one of REQUEST, TASK, PROJECT"];
        }
        else if (!TicketNames.TryParseType(input.Type, out var t))
        {
            errors["type"] = ["must be one of REQUEST, TASK, PROJECT"];
        }
        else if (t is TicketType.ALERT or TicketType.PROBLEM)
        {
            errors["type"] = [$"{t} tickets are opened only by the engine (from Zabbix events); the API opens REQUEST, TASK or PROJECT"];
        }
        else
        {
            type = t;
        }

        SupportLevel? level = null;
        if (string.IsNullOrWhiteSpace(input.Level))
        {
            errors["level"] = ["is required: one of L1, L2, L3, L4"];
        }
        else if (TicketNames.TryParseLevel(input.Level, out var l))
        {
            level = l;
        }
        else
        {
            errors["level"] = ["must be one of L1, L2, L3, L4"];
        }

        var customer = string.IsNullOrWhiteSpace(input.Customer) ? null : input.Customer.Trim();
        if (customer is null && type == TicketType.PROJECT)
        {
            errors["customer"] = ["is required for a PROJECT ticket: its number is made from the customer code (e.g. nc → NC00012.1)"];
        }
        else if (customer is not null && !CustomerCode().IsMatch(customer))
        {
            errors["customer"] = ["must be a customer code of 1-16 letters and digits (e.g. nc)"];
        }

        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            errors["title"] = ["is required"];
        }
        else if (title.Length > MaxTitleLength)
        {
            errors["title"] = [$"must be at most {MaxTitleLength} characters (it has {title.Length})"];
        }
        else if (title.Any(char.IsControl))
        {
            errors["title"] = ["must be one line without control characters"];
        }

        var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        if (description?.Length > MaxDescriptionLength)
        {
            errors["description"] = [$"must be at most {MaxDescriptionLength} characters (it has {description.Length})"];
        }

        return errors.Count > 0
            ? new NewTicketCheck(null, errors)
            : new NewTicketCheck(new NewTicket(type!.Value, level!.Value, customer?.ToLowerInvariant(), title!, description), errors);
    }

    [GeneratedRegex("^[A-Za-z0-9]{1,16}$", RegexOptions.CultureInvariant)]
    private static partial Regex CustomerCode();
}
