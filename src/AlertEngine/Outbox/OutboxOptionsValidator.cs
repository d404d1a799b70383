using Microsoft.Extensions.Options;

namespace AlertEngine.Outbox;

/// <summary>Cross-field checks of <see cref="OutboxOptions"/>; reports every failure, each naming its key.</summary>
public sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxBackoff < options.RetryBackoff)
        {
            failures.Add($"Outbox:MaxBackoff ({options.MaxBackoff}) must be at least Outbox:RetryBackoff ({options.RetryBackoff})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
