-- Explicit slot states (held, sending, retry_certain, retry_uncertain, then the terminal ones), a claim token
-- that grows with every claim, whether the last outcome is uncertain, page and search progress; and each
-- subscription's schedule epoch, apart from its modified time.
ALTER TABLE digest_slots
  ADD COLUMN claim_token BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN uncertain BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN pages_sent INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN page_ids TEXT,
  ADD COLUMN search_position TEXT;
UPDATE digest_slots SET claim_token = attempts;
-- The old ledger did not write down whether an open slot's last attempt reached the platform: a claimed slot
-- with a holder may be mid-post, one without was given back after some error; both are searched before posting.
UPDATE digest_slots SET state = CASE WHEN claimed_by IS NULL THEN 'retry_uncertain' ELSE 'sending' END, uncertain = TRUE
  WHERE state = 'claimed';
ALTER TABLE subscriptions ADD COLUMN schedule_since TIMESTAMPTZ;
UPDATE subscriptions SET schedule_since = updated_at;
