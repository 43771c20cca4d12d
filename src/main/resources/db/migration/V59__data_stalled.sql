-- "Data stalled" e-mail notices (docs/notices.md, docs/metrics.md): the stall check records, per
-- imported account, the stalled episode it last wrote notices for (keyed by the newest good report
-- day before the stall, "after:2026-12-01"; "after:none" when no day was ever published) and when, in
-- the same transaction as the outbox rows. A later stall after new data has another key: a new
-- episode, a new notice; the same episode never a second one.
ALTER TABLE metrics_account_import ADD COLUMN stall_notified_for VARCHAR(40);
ALTER TABLE metrics_account_import ADD COLUMN stall_notified_at TIMESTAMP WITH TIME ZONE;
