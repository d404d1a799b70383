namespace AlertEngine.Tickets;

/// <summary>The support levels of the service agreement: L1 critical … L4 low.</summary>
public enum SupportLevel
{
    L1 = 1,
    L2 = 2,
    L3 = 3,
    L4 = 4,
}
