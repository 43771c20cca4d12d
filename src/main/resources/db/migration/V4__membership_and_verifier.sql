-- What the verifier last saw of our service user's membership in each account. A loss is believed
-- only after two consecutive successful checks without it (missing_count reaches 2).
ALTER TABLE store_account ADD COLUMN membership VARCHAR(20) DEFAULT 'UNKNOWN' NOT NULL;
ALTER TABLE store_account ADD COLUMN membership_seen_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE store_account ADD COLUMN membership_checked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE store_account ADD COLUMN membership_missing_count INT DEFAULT 0 NOT NULL;

-- The verifier's own health, one row, shared by every app node.
CREATE TABLE verifier_health (
    id                   INT NOT NULL PRIMARY KEY,
    cycles               BIGINT NOT NULL,
    last_run_at          TIMESTAMP WITH TIME ZONE,
    last_success_at      TIMESTAMP WITH TIME ZONE,
    last_failure_at      TIMESTAMP WITH TIME ZONE,
    last_failure_kind    VARCHAR(40),
    last_failure_message VARCHAR(500),
    consecutive_failures INT NOT NULL,
    backoff_until        TIMESTAMP WITH TIME ZONE,
    last_outcome         VARCHAR(500),
    version              BIGINT NOT NULL
);
INSERT INTO verifier_health (id, cycles, consecutive_failures, version) VALUES (1, 0, 0, 0);
