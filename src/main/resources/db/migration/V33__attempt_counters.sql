-- Attempts counted for every node at once (com.storemetrics.attempts): failed sign-ins per
-- (account, address) pair and per address, and customers' "Check again" requests. One row per
-- counter; the key is a scope and a hash of what is counted (never the text a user typed).
-- A row is forgotten at forget_at: reads ignore it from then on, and a pruning task deletes it.
CREATE TABLE attempt_counter (
    counter_id VARCHAR(64)              NOT NULL PRIMARY KEY,
    attempts    INTEGER                  NOT NULL,
    last_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    forget_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_attempt_counter_forget_at ON attempt_counter (forget_at);
