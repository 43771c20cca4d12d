-- Every successful verifier cycle looks at every Pending and Approved integration, so their "last
-- checked" is one moment: kept here, in one row written once per cycle, instead of in every live
-- integration row (rewriting 100,000 rows a cycle wrote megabytes of redo log; docs/benchmarks.md).
-- integration.last_checked_at now keeps the last check of a row that left the verifier's watch
-- (Expired or Removed). Plain standard SQL: it runs on HSQLDB and PostgreSQL.
CREATE TABLE integration_check (
    id         INT NOT NULL PRIMARY KEY,
    checked_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO integration_check (id, checked_at) VALUES (1, NULL);
UPDATE integration_check SET checked_at = (SELECT MAX(last_checked_at) FROM integration
    WHERE status IN ('PENDING', 'APPROVED'))
    WHERE id = 1;
