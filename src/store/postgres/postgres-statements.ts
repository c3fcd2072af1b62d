/** The SQL of the Postgres store. Every time that decides a lease or an expiry is the server's `now()`. */

const REF = 'platform = $1 AND workspace = $2 AND channel = $3';
const MS = "* interval '1 millisecond'";
const OPEN = "('held', 'sending', 'retry_certain', 'retry_uncertain')";
// The schedule epoch moves only when the time, zone or status does (columns on the right are the row before).
const SCHEDULE_SINCE = `CASE
      WHEN subscriptions.time = excluded.time AND subscriptions.timezone = excluded.timezone AND subscriptions.status = excluded.status
        THEN COALESCE(subscriptions.schedule_since, subscriptions.updated_at)
      ELSE excluded.updated_at END`;

export const pgSql = {
  upsert: `
    INSERT INTO subscriptions (platform, workspace, channel, time, timezone, status, paused_reason, post_empty, created_at, updated_at, schedule_since)
    VALUES ($1, $2, $3, $4, $5, COALESCE($6, 'active'), $7, $8, now(), now(), now())
    ON CONFLICT (platform, workspace, channel) DO UPDATE SET
      schedule_since = CASE
        WHEN subscriptions.time = excluded.time AND subscriptions.timezone = excluded.timezone
          AND subscriptions.status = COALESCE($6, subscriptions.status) THEN COALESCE(subscriptions.schedule_since, subscriptions.updated_at)
        ELSE excluded.updated_at END,
      time = excluded.time,
      timezone = excluded.timezone,
      post_empty = excluded.post_empty,
      status = COALESCE($6, subscriptions.status),
      paused_reason = CASE WHEN $6::text IS NULL THEN subscriptions.paused_reason ELSE $7 END,
      next_due_at = NULL,
      updated_at = excluded.updated_at
    RETURNING *`,
  // One statement for a whole batch of an import: the lines arrive as parallel arrays.
  upsertMany: `
    INSERT INTO subscriptions (platform, workspace, channel, time, timezone, status, paused_reason, post_empty, created_at, updated_at, schedule_since)
    SELECT p, w, c, t, z, s, NULL, e, now(), now(), now()
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[]) AS l(p, w, c, t, z, s, e)
    ON CONFLICT (platform, workspace, channel) DO UPDATE SET
      schedule_since = ${SCHEDULE_SINCE},
      time = excluded.time,
      timezone = excluded.timezone,
      post_empty = excluded.post_empty,
      status = excluded.status,
      paused_reason = NULL,
      next_due_at = NULL,
      updated_at = excluded.updated_at`,
  getMany: `
    SELECT s.* FROM subscriptions s
    JOIN unnest($1::text[], $2::text[], $3::text[]) AS l(p, w, c) ON s.platform = l.p AND s.workspace = l.w AND s.channel = l.c
    FOR UPDATE OF s`,
  getSubscription: `SELECT * FROM subscriptions WHERE ${REF}`,
  lockSubscription: `SELECT * FROM subscriptions WHERE ${REF} FOR UPDATE`,
  listSubscriptions: `
    SELECT * FROM subscriptions
    WHERE ($1::text IS NULL OR platform = $1) AND ($2::text IS NULL OR status = $2)
      AND ($3::text IS NULL OR (platform, workspace, channel) > ($3, $4, $5))
    ORDER BY platform, workspace, channel LIMIT $6 OFFSET $7`,
  // One workspace, a page: a range of the primary key (platform, workspace, channel), nothing else read.
  listWorkspaceSubscriptions: `
    SELECT * FROM subscriptions WHERE platform = $1 AND workspace = $2
    ORDER BY channel LIMIT $3 OFFSET $4`,
  // Two statements, first page and next pages, so the planner can walk the primary key from `after`.
  listDueFirst: `
    SELECT * FROM subscriptions
    WHERE status = 'active' AND (next_due_at IS NULL OR next_due_at <= $1) AND ($3::text[] IS NULL OR platform = ANY($3::text[]))
    ORDER BY platform, workspace, channel LIMIT $2`,
  listDueAfter: `
    SELECT * FROM subscriptions
    WHERE (platform, workspace, channel) > ($3, $4, $5) AND status = 'active' AND (next_due_at IS NULL OR next_due_at <= $1)
      AND ($6::text[] IS NULL OR platform = ANY($6::text[]))
    ORDER BY platform, workspace, channel LIMIT $2`,
  setStatus: `
    UPDATE subscriptions SET
      schedule_since = CASE WHEN status = $4 THEN COALESCE(schedule_since, updated_at) ELSE now() END,
      status = $4, paused_reason = $5, next_due_at = NULL, updated_at = now()
    WHERE ${REF} RETURNING *`,
  setNextDue: `UPDATE subscriptions SET next_due_at = $4 WHERE ${REF}`,
  setNextDueMany: `
    UPDATE subscriptions s SET next_due_at = l.d
    FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[]) AS l(p, w, c, d, since)
    WHERE s.platform = l.p AND s.workspace = l.w AND s.channel = l.c
      AND (l.since IS NULL OR date_trunc('milliseconds', COALESCE(s.schedule_since, s.updated_at)) = l.since)`,
  remove: `DELETE FROM subscriptions WHERE ${REF}`,
  // A change closes what is open (held, sending or waiting to retry); the lease stays so a holder that
  // already posted can still record it until the lease ends.
  closeOpenSlots: `
    UPDATE digest_slots SET state = 'skipped_changed', reason = $4, updated_at = now()
    WHERE ${REF} AND state IN ${OPEN}`,
  closeOpenSlotsMany: `
    UPDATE digest_slots d SET state = 'skipped_changed', reason = l.r, updated_at = now()
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS l(p, w, c, r)
    WHERE d.platform = l.p AND d.workspace = l.w AND d.channel = l.c AND d.state IN ${OPEN}`,
  // The whole claim is one statement. A concurrent claimer of the same key waits for the row lock,
  // then re-checks the WHERE against the committed row: exactly one caller gets a row back, with the next token.
  claim: `
    INSERT INTO digest_slots (key, platform, workspace, channel, local_date, state, attempts, claim_token, claimed_by, lease_until, first_claimed_at, due_at, updated_at)
    VALUES ($1, $2, $3, $4, $5, 'held', 1, 1, $6, now() + $7::float8 ${MS}, now(), $8, now())
    ON CONFLICT (key) DO UPDATE SET
      state = 'held',
      attempts = digest_slots.attempts + 1,
      claim_token = digest_slots.claim_token + 1,
      uncertain = digest_slots.uncertain OR digest_slots.state IN ('sending', 'retry_uncertain'),
      claimed_by = excluded.claimed_by,
      lease_until = excluded.lease_until,
      first_claimed_at = COALESCE(digest_slots.first_claimed_at, excluded.first_claimed_at),
      due_at = COALESCE(digest_slots.due_at, excluded.due_at),
      updated_at = excluded.updated_at
    WHERE digest_slots.state IN ${OPEN} AND (digest_slots.lease_until IS NULL OR digest_slots.lease_until <= now())
    RETURNING *`,
  // The token alone fences: while it is the slot's, nobody else claimed it, so even a lease that ran out is renewed.
  renew: `
    UPDATE digest_slots SET
      lease_until = now() + $3::float8 ${MS},
      state = CASE WHEN $4::boolean THEN 'sending' ELSE state END,
      updated_at = now()
    WHERE key = $1 AND claim_token = $2 AND state IN ('held', 'sending')`,
  recordPage: `
    UPDATE digest_slots SET
      pages_sent = $3::int + 1,
      page_ids = CASE WHEN page_ids IS NULL THEN $4::text ELSE page_ids || ' ' || $4::text END,
      message_id = COALESCE(message_id, $4::text),
      state = CASE WHEN state = 'sending' THEN 'held' ELSE state END,
      updated_at = now()
    WHERE key = $1 AND claim_token = $2 AND pages_sent = $3::int
      AND (state IN ('held', 'sending') OR (state = 'skipped_changed' AND lease_until > now()))`,
  recordSearch: `
    UPDATE digest_slots SET search_position = $3, uncertain = uncertain AND NOT $4::boolean, updated_at = now()
    WHERE key = $1 AND claim_token = $2 AND state IN ('held', 'sending')`,
  finish: `
    UPDATE digest_slots SET
      state = $3,
      message_id = COALESCE(message_id, $4),
      reason = $5,
      lease_until = NULL,
      posted_at = CASE WHEN $3 = 'posted' THEN now() ELSE posted_at END,
      updated_at = now()
    WHERE key = $1 AND claim_token = $2 AND (state IN ('held', 'sending')
      OR (state = 'skipped_changed' AND $3 IN ('posted', 'paused') AND lease_until > now()))`,
  // Every column on the right is the row before the update: an unsettled earlier uncertainty stays.
  release: `
    UPDATE digest_slots SET
      state = CASE WHEN $5::boolean OR uncertain THEN 'retry_uncertain' ELSE 'retry_certain' END,
      uncertain = uncertain OR $5::boolean,
      claimed_by = NULL,
      lease_until = CASE WHEN $3::float8 IS NULL THEN NULL ELSE now() + $3::float8 ${MS} END,
      reason = COALESCE($4, reason),
      updated_at = now()
    WHERE key = $1 AND claim_token = $2 AND state IN ('held', 'sending')`,
  now: 'SELECT now() AS now',
  getSlot: 'SELECT * FROM digest_slots WHERE key = $1',
  listSlots: `
    SELECT * FROM digest_slots
    WHERE ($1::text IS NULL OR platform = $1) AND ($2::text IS NULL OR workspace = $2)
      AND ($3::text IS NULL OR channel = $3) AND ($4::text IS NULL OR local_date = $4)
      AND ($6::text IS NULL OR ($6 = 'follow') = (local_date LIKE 'doc:%'))
    ORDER BY local_date DESC, key LIMIT $5`,
  putAction: `
    INSERT INTO actions (key, data, expires_at) VALUES ($1, $2, now() + $3::float8 ${MS})
    ON CONFLICT (key) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`,
  getAction: 'SELECT data FROM actions WHERE key = $1 AND expires_at > now()',
  sweepSlots: `DELETE FROM digest_slots WHERE updated_at < now() - $1::float8 ${MS}`,
  sweepActions: 'DELETE FROM actions WHERE expires_at <= now()',
  // The next turn of a shared rate in one statement: the row lock of ON CONFLICT orders concurrent callers,
  // and the server's clock (read once) is "now" for every replica.
  takeTurn: `
    WITH clock AS (SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint AS now_ms)
    INSERT INTO rate_turns (bucket, next_at)
    SELECT $1, clock.now_ms + $3::bigint + $2::bigint FROM clock
    ON CONFLICT (bucket) DO UPDATE SET next_at = GREATEST(rate_turns.next_at, excluded.next_at - $2::bigint) + $2::bigint
    RETURNING next_at, (SELECT now_ms FROM clock) AS now_ms`,
} as const;
