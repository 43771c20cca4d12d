-- A message whose cause is gone before it was sent is withdrawn (docs/notices.md, "Withdrawn"): state
-- WITHDRAWN, final, with finished_at and the reason in outcome. The write path that ends a cause (an
-- integration leaving Pending, data flowing again, a role given back) looks its pending messages up
-- by what they are about, so that lookup is indexed.
CREATE INDEX ix_notice_outbox_regarding ON notice_outbox (regarding, kind, state);
