namespace AlertEngine.Reports.Delivery;

/// <summary>The outbox payload of a report mail: its subject and the report files it is made of (read when it is sent).</summary>
public sealed record ReportMailPayload(string Subject, string HtmlFile, string TextFile);

/// <summary>The outbox payload of a report webhook post: the report file it sends (read when it is sent).</summary>
public sealed record ReportWebhookPayload(string File);
