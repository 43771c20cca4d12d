-- Grouped e-mail notices (docs/notices.md, "Grouping"): the pending messages of one customer written
-- within the grouping window of the oldest go out as one e-mail. group_lead names the group's oldest
-- row (its id is the e-mail's Message-ID); it is set on every row of the group when the group is
-- claimed, so the group is finished, retried or given up together, in one statement.
ALTER TABLE notice_outbox ADD COLUMN group_lead BIGINT;
CREATE INDEX ix_notice_outbox_user_state ON notice_outbox (user_id, state, id);
CREATE INDEX ix_notice_outbox_group ON notice_outbox (group_lead, state);
