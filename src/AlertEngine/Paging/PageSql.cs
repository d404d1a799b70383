namespace AlertEngine.Paging;

/// <summary>The queries of pages: outbox rows of kind page.sms and page.call (schema in Storage/Migrations/0006 and 0009).</summary>
internal static class PageSql
{
    private const string Columns = """
        o.id AS Id, o.kind AS Kind, o.ticket_id AS TicketId, o.target AS Target, o.payload AS Payload, o.dedup_key AS DedupKey,
        o.state AS State, o.attempts AS Attempts, o.next_attempt_at AS NextAttemptAt, o.created_at AS CreatedAt,
        o.sent_at AS SentAt, o.last_error AS LastError, o.body AS Body, o.provider_id AS ProviderId,
        o.bundled_into AS BundledInto, o.delivery_status AS DeliveryStatus, o.level AS Level
        """;

    /// Plans a page, due at @dueAt; nothing when the same page (dedup key) was planned before (unique dedup_key).
    public const string Insert = """
        INSERT INTO outbox (kind, ticket_id, target, payload, dedup_key, state, attempts, next_attempt_at, created_at, person, level)
        VALUES (@kind, @ticketId, @target, @payload, @dedupKey, 'pending', 0, @dueAt, @now, @person, @level)
        ON CONFLICT (dedup_key) DO NOTHING
        """;

    /// <summary>Most pages <see cref="ListDue"/> returns: one turn of the page sender.</summary>
    public const int ListDueLimit = 100;

    /// Pages to work on now, the most severe first, then oldest first, at most <see cref="ListDueLimit"/>: pages left
    /// sending whose outcome is to be checked by @now (ix_outbox_sending), and pending pages due by @now (ix_outbox_due).
    /// The limit (<see cref="ListDueLimit"/>, 100) is written into the text, not bound: with a bound LIMIT on this
    /// compound SELECT, SQLite compiled the statement again on every run (about 45 of the 55 µs it took).
    public const string ListDue = $"""
        SELECT {Columns} FROM outbox o WHERE o.state = 'sending' AND o.next_attempt_at <= @now AND o.kind LIKE 'page.%'
        UNION ALL
        SELECT {Columns} FROM outbox o WHERE o.state = 'pending' AND o.next_attempt_at <= @now AND o.kind LIKE 'page.%'
        ORDER BY Level, Id
        LIMIT 100
        """;

    /// One page by id (primary key).
    public const string Find = $"SELECT {Columns} FROM outbox o WHERE o.id = @id AND o.kind LIKE 'page.%'";

    /// The pages one Twilio message or call carried (ix_outbox_provider).
    public const string ListByProvider = $"SELECT {Columns} FROM outbox o WHERE o.provider_id = @providerId ORDER BY o.id";

    /// A ticket's pages in the order they were planned (ix_outbox_ticket).
    public const string ListByTicket = $"SELECT {Columns} FROM outbox o WHERE o.ticket_id = @ticketId AND o.kind LIKE 'page.%' ORDER BY o.id";

    /// Pages to a phone number whose ticket is still open (not acknowledged, resolved or closed), newest first (ix_outbox_person).
    public const string ListOpenForPhone = $"""
        SELECT {Columns} FROM outbox o JOIN tickets t ON t.id = o.ticket_id
        WHERE o.target = @phone AND o.kind LIKE 'page.%' AND o.state IN ('pending', 'sending', 'sent') AND t.state = 'open'
        ORDER BY o.id DESC
        LIMIT 50
        """;

    /// Marks a page sending with the text about to go out and the page whose send carries it; 0 rows when no longer pending or sending.
    public const string MarkSending = """
        UPDATE outbox SET state = 'sending', attempts = attempts + 1, body = @body, bundled_into = @bundledInto
        WHERE id = @id AND state IN ('pending', 'sending')
        """;

    /// Records a page done: sent (with Twilio's id and the send time), failed or cancelled (with the reason).
    public const string Finish = """
        UPDATE outbox SET state = @state, sent_at = @sentAt, last_error = @error, provider_id = COALESCE(@providerId, provider_id)
        WHERE id = @id AND state IN ('pending', 'sending')
        """;

    /// Leaves a page sending (its outcome unknown: a timeout, or Twilio could not be asked) and checks it again at @nextAt.
    public const string Defer = """
        UPDATE outbox SET next_attempt_at = @nextAt, last_error = @error WHERE id = @id AND state = 'sending'
        """;

    /// Puts a page back to pending, due at @nextAt (a failure Twilio said it did not send, or the per-person limit).
    public const string Postpone = """
        UPDATE outbox SET state = 'pending', next_attempt_at = @nextAt, last_error = @error, bundled_into = NULL
        WHERE id = @id AND state IN ('pending', 'sending')
        """;

    /// How many sends (a bundle counts once) of one kind reached a phone since @since, and the earliest of them
    /// (ix_outbox_person: the partial index applies only with its own `kind LIKE 'page.%'` term).
    public const string CountSentSince = """
        SELECT COUNT(DISTINCT COALESCE(bundled_into, id)) AS Count, MIN(sent_at) AS Earliest
        FROM outbox WHERE target = @phone AND kind = @kind AND kind LIKE 'page.%' AND state = 'sent' AND sent_at >= @since
        """;

    /// The Twilio ids our recorded sends of one kind to a phone carry, for pages planned since @since (ix_outbox_person:
    /// the partial index applies only with its own `kind LIKE 'page.%'` term).
    public const string ListClaimed = """
        SELECT DISTINCT provider_id FROM outbox
        WHERE target = @phone AND kind = @kind AND kind LIKE 'page.%' AND provider_id IS NOT NULL AND created_at >= @since
        """;

    /// Records the delivery status Twilio reported for one message or call; returns the rows changed.
    public const string SetDelivery = """
        UPDATE outbox SET delivery_status = @status, delivery_at = @at
        WHERE provider_id = @providerId AND (delivery_at IS NULL OR delivery_at <= @at)
        """;

    /// Records a callback from Twilio by its identity; 0 rows when it was seen before.
    public const string InsertCallback = """
        INSERT INTO twilio_callbacks (callback_key, received_at, outcome) VALUES (@key, @at, @outcome)
        ON CONFLICT (callback_key) DO NOTHING
        """;

    /// What a callback seen before did (primary key).
    public const string FindCallback = "SELECT outcome FROM twilio_callbacks WHERE callback_key = @key";
}
