namespace AlertEngine.Host.Commands.Rules;

/// <summary>The exit codes of <c>alertengine rules …</c>.</summary>
internal static class RulesExit
{
    /// <summary>Valid rules, every case passed, a report printed.</summary>
    public const int Ok = 0;

    /// <summary>The rules are invalid, a case failed or a case file is wrong.</summary>
    public const int Failed = 1;

    /// <summary>The command was used wrongly: a folder or file that is not there, a bad option value.</summary>
    public const int Usage = 2;
}
