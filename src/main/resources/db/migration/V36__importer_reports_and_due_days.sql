-- The importer's state per kind of daily report, and when each is next due (issue 23 section 3).
--
-- metrics_day_import gets the report a row is about (SALES now; the subscription reports use the same
-- importer). metrics_report_due keeps, per account and report, when its next day is due: an idle batch
-- reads one row per account instead of every day of the history window of every vendor. A missing row
-- means "due now" (a new or restarted import, or vendor numbers that changed).
ALTER TABLE metrics_day_import ADD COLUMN report VARCHAR(20) DEFAULT 'SALES' NOT NULL;
ALTER TABLE metrics_day_import DROP CONSTRAINT pk_metrics_day_import;
ALTER TABLE metrics_day_import ADD CONSTRAINT pk_metrics_day_import
    PRIMARY KEY (account_id, report, vendor_number, report_date);
DROP INDEX ix_metrics_day_import_status;
CREATE INDEX ix_metrics_day_import_status ON metrics_day_import (account_id, report, status, report_date);
-- What was odd about a published day's files (for support), e.g. event names Apple has newly introduced.
ALTER TABLE metrics_day_import ADD COLUMN note VARCHAR(500);

-- The vendor numbers the import last ran for, comma-separated: a change makes the account due at once.
ALTER TABLE metrics_account_import ADD COLUMN vendor_numbers VARCHAR(400);

CREATE TABLE metrics_report_due (
    account_id  BIGINT NOT NULL,
    report      VARCHAR(20) NOT NULL,
    next_due_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_metrics_report_due PRIMARY KEY (account_id, report)
);
