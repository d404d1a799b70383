namespace AlertEngine.Ingest.Zabbix.Api;

/// <summary>The <c>action</c> bitmask of <c>event.acknowledge</c> and of an acknowledgement record.</summary>
[Flags]
public enum ZabbixUpdateActions
{
    None = 0,

    /// <summary>Close the problem (the trigger must allow manual close).</summary>
    Close = 1,
    Acknowledge = 2,
    AddMessage = 4,
    ChangeSeverity = 8,
    Unacknowledge = 16,

    /// <summary>Suppress (Zabbix 6.2+).</summary>
    Suppress = 32,

    /// <summary>Unsuppress (Zabbix 6.2+).</summary>
    Unsuppress = 64,

    /// <summary>Change rank to cause (Zabbix 6.4+).</summary>
    RankToCause = 128,

    /// <summary>Change rank to symptom (Zabbix 6.4+).</summary>
    RankToSymptom = 256,
}
