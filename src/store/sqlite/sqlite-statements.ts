import type Database from 'better-sqlite3';

const REF_WHERE = 'platform = @platform AND workspace = @workspace AND channel = @channel';
// Keyset paging in primary-key order: (platform, workspace, channel) > (@afterPlatform, …).
const OPEN = "('held', 'sending', 'retry_certain', 'retry_uncertain')";
const AFTER = `(@afterPlatform IS NULL OR (platform, workspace, channel) > (@afterPlatform, @afterWorkspace, @afterChannel))`;

// The platforms a process serves, as a JSON array (NULL: all of them).
const PLATFORMS = `(@platforms IS NULL OR platform IN (SELECT value FROM json_each(@platforms)))`;

/** Every statement the SQLite store runs, prepared once per connection. */
export function prepareSqliteStatements(db: Database.Database) {
  return {
    upsert: db.prepare(`
      INSERT INTO subscriptions (platform, workspace, channel, time, timezone, status, paused_reason, post_empty, created_at, updated_at, schedule_since)
      VALUES (@platform, @workspace, @channel, @time, @timezone, COALESCE(@status, 'active'), @pausedReason, @postEmpty, @now, @now, @now)
      ON CONFLICT (platform, workspace, channel) DO UPDATE SET
        schedule_since = CASE
          WHEN subscriptions.time = excluded.time AND subscriptions.timezone = excluded.timezone
            AND subscriptions.status = COALESCE(@status, subscriptions.status) THEN COALESCE(subscriptions.schedule_since, subscriptions.updated_at)
          ELSE excluded.updated_at END,
        time = excluded.time,
        timezone = excluded.timezone,
        post_empty = excluded.post_empty,
        status = COALESCE(@status, subscriptions.status),
        paused_reason = CASE WHEN @status IS NULL THEN subscriptions.paused_reason ELSE @pausedReason END,
        next_due_at = NULL,
        updated_at = excluded.updated_at
      RETURNING *`),
    getSubscription: db.prepare(`SELECT * FROM subscriptions WHERE ${REF_WHERE}`),
    listSubscriptions: db.prepare(`
      SELECT * FROM subscriptions
      WHERE (@platform IS NULL OR platform = @platform) AND (@status IS NULL OR status = @status) AND ${AFTER}
      ORDER BY platform, workspace, channel LIMIT @limit OFFSET @offset`),
    // One workspace, a page: a range of the primary key (platform, workspace, channel), nothing else read.
    listWorkspaceSubscriptions: db.prepare(`
      SELECT * FROM subscriptions WHERE platform = @platform AND workspace = @workspace
      ORDER BY channel LIMIT @limit OFFSET @offset`),
    // Due subscriptions, two ways (listDueSubscriptions picks by how many are due): few due, read them
    // through the next-due index (NULL and due-by are each one range) and sort that handful; many due,
    // walk the primary key and filter, so no page sorts the whole table.
    countDue: db.prepare(`
      SELECT (SELECT COUNT(*) FROM subscriptions WHERE status = 'active' AND next_due_at IS NULL)
           + (SELECT COUNT(*) FROM subscriptions WHERE status = 'active' AND next_due_at <= @dueBy) AS due`),
    listDueFew: db.prepare(`
      SELECT * FROM (
        SELECT * FROM subscriptions WHERE status = 'active' AND next_due_at IS NULL
        UNION ALL
        SELECT * FROM subscriptions WHERE status = 'active' AND next_due_at <= @dueBy
      ) WHERE ${AFTER} AND ${PLATFORMS}
      ORDER BY platform, workspace, channel LIMIT @limit`),
    listDueManyFirst: db.prepare(`
      SELECT * FROM subscriptions INDEXED BY sqlite_autoindex_subscriptions_1
      WHERE status = 'active' AND (next_due_at IS NULL OR next_due_at <= @dueBy) AND ${PLATFORMS}
      ORDER BY platform, workspace, channel LIMIT @limit`),
    listDueManyAfter: db.prepare(`
      SELECT * FROM subscriptions INDEXED BY sqlite_autoindex_subscriptions_1
      WHERE (platform, workspace, channel) > (@afterPlatform, @afterWorkspace, @afterChannel)
        AND status = 'active' AND (next_due_at IS NULL OR next_due_at <= @dueBy) AND ${PLATFORMS}
      ORDER BY platform, workspace, channel LIMIT @limit`),
    setStatus: db.prepare(`
      UPDATE subscriptions SET
        schedule_since = CASE WHEN status = @status THEN COALESCE(schedule_since, updated_at) ELSE @now END,
        status = @status, paused_reason = @reason, next_due_at = NULL, updated_at = @now
      WHERE ${REF_WHERE} RETURNING *`),
    setNextDue: db.prepare(`UPDATE subscriptions SET next_due_at = @nextDueAt WHERE ${REF_WHERE}`),
    // A computed next due time lands only while the schedule it was computed from is still the subscription's.
    setNextDueIf: db.prepare(
      `UPDATE subscriptions SET next_due_at = @nextDueAt WHERE ${REF_WHERE} AND COALESCE(schedule_since, updated_at) = @scheduleSince`,
    ),
    remove: db.prepare(`DELETE FROM subscriptions WHERE ${REF_WHERE}`),
    // A change closes what is open: held, sending or waiting slots end as skipped_changed.
    // The lease stays, so a holder that already posted can still record it until the lease ends.
    closeOpenSlots: db.prepare(`
      UPDATE digest_slots SET state = 'skipped_changed', reason = @reason, updated_at = @now
      WHERE ${REF_WHERE} AND state IN ${OPEN}`),
    // The whole claim is one statement: a fresh slot is inserted, an open slot whose lease or retry time ran
    // out (its holder crashed, or it waits for a retry) is taken over with the next token, and a terminal slot
    // is never touched. SQLite serialises writers, so exactly one caller gets a row back. A slot left
    // `sending` (or `retry_uncertain`) leaves its new holder uncertain until a search settles it.
    claim: db.prepare(`
      INSERT INTO digest_slots (key, platform, workspace, channel, local_date, state, attempts, claim_token, claimed_by, lease_until, first_claimed_at, due_at, updated_at)
      VALUES (@key, @platform, @workspace, @channel, @localDate, 'held', 1, 1, @owner, @leaseUntil, @now, @dueAt, @now)
      ON CONFLICT (key) DO UPDATE SET
        state = 'held',
        attempts = digest_slots.attempts + 1,
        claim_token = digest_slots.claim_token + 1,
        uncertain = CASE WHEN digest_slots.state IN ('sending', 'retry_uncertain') THEN 1 ELSE digest_slots.uncertain END,
        claimed_by = excluded.claimed_by,
        lease_until = excluded.lease_until,
        first_claimed_at = COALESCE(digest_slots.first_claimed_at, excluded.first_claimed_at),
        due_at = COALESCE(digest_slots.due_at, excluded.due_at),
        updated_at = excluded.updated_at
      WHERE digest_slots.state IN ${OPEN} AND (digest_slots.lease_until IS NULL OR digest_slots.lease_until <= excluded.updated_at)
      RETURNING *`),
    // The token alone fences: while it is the slot's, nobody else claimed it, so even a lease that ran out is renewed.
    renew: db.prepare(`
      UPDATE digest_slots SET lease_until = @leaseUntil, state = CASE WHEN @sending = 1 THEN 'sending' ELSE state END, updated_at = @now
      WHERE key = @key AND claim_token = @token AND state IN ('held', 'sending')`),
    recordPage: db.prepare(`
      UPDATE digest_slots SET
        pages_sent = @index + 1,
        page_ids = CASE WHEN page_ids IS NULL THEN @messageId ELSE page_ids || ' ' || @messageId END,
        message_id = COALESCE(message_id, @messageId),
        state = CASE WHEN state = 'sending' THEN 'held' ELSE state END,
        updated_at = @now
      WHERE key = @key AND claim_token = @token AND pages_sent = @index
        AND (state IN ('held', 'sending') OR (state = 'skipped_changed' AND lease_until > @now))`),
    recordSearch: db.prepare(`
      UPDATE digest_slots SET
        search_position = @position,
        uncertain = CASE WHEN @settled = 1 THEN 0 ELSE uncertain END,
        updated_at = @now
      WHERE key = @key AND claim_token = @token AND state IN ('held', 'sending')`),
    finish: db.prepare(`
      UPDATE digest_slots SET
        state = @state,
        message_id = COALESCE(message_id, @messageId),
        reason = @reason,
        lease_until = NULL,
        posted_at = CASE WHEN @state = 'posted' THEN @now ELSE posted_at END,
        updated_at = @now
      WHERE key = @key AND claim_token = @token AND (state IN ('held', 'sending')
        OR (state = 'skipped_changed' AND @state IN ('posted', 'paused') AND lease_until > @now))`),
    // Every column on the right is the row before the update: an unsettled earlier uncertainty stays.
    release: db.prepare(`
      UPDATE digest_slots SET
        state = CASE WHEN @uncertain = 1 OR uncertain = 1 THEN 'retry_uncertain' ELSE 'retry_certain' END,
        uncertain = CASE WHEN @uncertain = 1 THEN 1 ELSE uncertain END,
        claimed_by = NULL,
        lease_until = @retryAt,
        reason = COALESCE(@reason, reason),
        updated_at = @now
      WHERE key = @key AND claim_token = @token AND state IN ('held', 'sending')`),
    getSlot: db.prepare('SELECT * FROM digest_slots WHERE key = ?'),
    listSlots: db.prepare(`
      SELECT * FROM digest_slots
      WHERE (@platform IS NULL OR platform = @platform) AND (@workspace IS NULL OR workspace = @workspace)
        AND (@channel IS NULL OR channel = @channel) AND (@localDate IS NULL OR local_date = @localDate)
        AND (@kind IS NULL OR (@kind = 'follow') = (local_date LIKE 'doc:%'))
      ORDER BY local_date DESC, key LIMIT @limit`),
    putAction: db.prepare(`
      INSERT INTO actions (key, data, expires_at) VALUES (@key, @data, @expiresAt)
      ON CONFLICT (key) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`),
    getAction: db.prepare('SELECT data FROM actions WHERE key = @key AND expires_at > @now'),
    sweepSlots: db.prepare('DELETE FROM digest_slots WHERE updated_at < @before'),
    sweepActions: db.prepare('DELETE FROM actions WHERE expires_at <= @now'),
  };
}
