-- The day and month roll-ups are read by account and a range of days (or months). With vendor_number
-- second in their primary keys, HSQLDB served "account_id = ? AND report_date BETWEEN ? AND ?" from the
-- primary key using account_id alone and walked every row of the account (325 ms for one edge day of a
-- year of 50 apps, docs/benchmarks.md section 4), ignoring the (account_id, report_date) index. With the
-- date second, the key itself serves the range; the separate date indexes become redundant. Lookups by
-- (account, vendor, day) when a day is replaced are equalities on the key's first three columns still.
ALTER TABLE metrics_app_day DROP CONSTRAINT pk_metrics_app_day;
ALTER TABLE metrics_app_day ADD CONSTRAINT pk_metrics_app_day
    PRIMARY KEY (account_id, report_date, vendor_number, app_sku, bucket, currency);
DROP INDEX ix_metrics_app_day_day;

ALTER TABLE metrics_country_day DROP CONSTRAINT pk_metrics_country_day;
ALTER TABLE metrics_country_day ADD CONSTRAINT pk_metrics_country_day
    PRIMARY KEY (account_id, report_date, vendor_number, country, bucket, currency);
DROP INDEX ix_metrics_country_day_day;

ALTER TABLE metrics_account_day DROP CONSTRAINT pk_metrics_account_day;
ALTER TABLE metrics_account_day ADD CONSTRAINT pk_metrics_account_day
    PRIMARY KEY (account_id, report_date, vendor_number, bucket, currency);
DROP INDEX ix_metrics_account_day_day;

ALTER TABLE metrics_app_month DROP CONSTRAINT pk_metrics_app_month;
ALTER TABLE metrics_app_month ADD CONSTRAINT pk_metrics_app_month
    PRIMARY KEY (account_id, report_month, vendor_number, app_sku, bucket, currency);
DROP INDEX ix_metrics_app_month_month;

ALTER TABLE metrics_country_month DROP CONSTRAINT pk_metrics_country_month;
ALTER TABLE metrics_country_month ADD CONSTRAINT pk_metrics_country_month
    PRIMARY KEY (account_id, report_month, vendor_number, country, bucket, currency);
DROP INDEX ix_metrics_country_month_month;

ALTER TABLE metrics_account_month DROP CONSTRAINT pk_metrics_account_month;
ALTER TABLE metrics_account_month ADD CONSTRAINT pk_metrics_account_month
    PRIMARY KEY (account_id, report_month, vendor_number, bucket, currency);
DROP INDEX ix_metrics_account_month_month;
