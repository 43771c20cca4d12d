-- Store metrics: monthly roll-ups, so the view reads a year as about 12 months of rows instead of
-- 365 days of them (docs/benchmarks.md section 4: grouping 730,000 per-app-day rows took seconds).
-- Each month table is the sum of its day table over (account, vendor, month): kept equal by
-- MetricsStore.storeDay in the same transaction as the day (old day subtracted, new day added), so
-- no partial day is ever visible. day_count is how many day rows a month row sums: a reader that
-- subtracts the days outside its period from a month knows a key is absent when the count is 0,
-- even when its figures add up to zero. report_month is year * 100 + month (202612), so that the
-- month is computed the same way in every database (EXTRACT is portable, date truncation is not).

CREATE TABLE metrics_app_month (
    account_id    BIGINT NOT NULL,
    vendor_number VARCHAR(20) NOT NULL,
    report_month  INT NOT NULL,
    app_sku       VARCHAR(100) NOT NULL,
    bucket        VARCHAR(20) NOT NULL,
    currency      VARCHAR(8) NOT NULL,
    units         BIGINT NOT NULL,
    refund_units  BIGINT NOT NULL,
    proceeds      DECIMAL(22, 4) NOT NULL,
    day_count     BIGINT NOT NULL,
    CONSTRAINT pk_metrics_app_month PRIMARY KEY (account_id, vendor_number, report_month, app_sku, bucket, currency)
);
CREATE INDEX ix_metrics_app_month_month ON metrics_app_month (account_id, report_month);
CREATE INDEX ix_metrics_app_month_app ON metrics_app_month (account_id, app_sku, report_month);

CREATE TABLE metrics_country_month (
    account_id    BIGINT NOT NULL,
    vendor_number VARCHAR(20) NOT NULL,
    report_month  INT NOT NULL,
    country       VARCHAR(8) NOT NULL,
    bucket        VARCHAR(20) NOT NULL,
    currency      VARCHAR(8) NOT NULL,
    units         BIGINT NOT NULL,
    refund_units  BIGINT NOT NULL,
    proceeds      DECIMAL(22, 4) NOT NULL,
    day_count     BIGINT NOT NULL,
    CONSTRAINT pk_metrics_country_month PRIMARY KEY (account_id, vendor_number, report_month, country, bucket, currency)
);
CREATE INDEX ix_metrics_country_month_month ON metrics_country_month (account_id, report_month);

CREATE TABLE metrics_account_month (
    account_id    BIGINT NOT NULL,
    vendor_number VARCHAR(20) NOT NULL,
    report_month  INT NOT NULL,
    bucket        VARCHAR(20) NOT NULL,
    currency      VARCHAR(8) NOT NULL,
    units         BIGINT NOT NULL,
    refund_units  BIGINT NOT NULL,
    proceeds      DECIMAL(22, 4) NOT NULL,
    day_count     BIGINT NOT NULL,
    CONSTRAINT pk_metrics_account_month PRIMARY KEY (account_id, vendor_number, report_month, bucket, currency)
);
CREATE INDEX ix_metrics_account_month_month ON metrics_account_month (account_id, report_month);

-- One app's countries: the full grain without the day.
CREATE TABLE metrics_daily_month (
    account_id    BIGINT NOT NULL,
    vendor_number VARCHAR(20) NOT NULL,
    report_month  INT NOT NULL,
    app_sku       VARCHAR(100) NOT NULL,
    bucket        VARCHAR(20) NOT NULL,
    country       VARCHAR(8) NOT NULL,
    currency      VARCHAR(8) NOT NULL,
    units         BIGINT NOT NULL,
    refund_units  BIGINT NOT NULL,
    proceeds      DECIMAL(22, 4) NOT NULL,
    day_count     BIGINT NOT NULL,
    CONSTRAINT pk_metrics_daily_month PRIMARY KEY (account_id, vendor_number, report_month, app_sku, bucket, country, currency)
);
CREATE INDEX ix_metrics_daily_month_app ON metrics_daily_month (account_id, app_sku, report_month);

-- One app's days (chart, edge days of a period) were read through the (account, day) index and
-- filtered by app: read them through (account, app, day) instead.
CREATE INDEX ix_metrics_app_day_app ON metrics_app_day (account_id, app_sku, report_date);

-- Back-fill from the days already stored.
INSERT INTO metrics_app_month (account_id, vendor_number, report_month, app_sku, bucket, currency, units,
        refund_units, proceeds, day_count)
    SELECT account_id, vendor_number, CAST(EXTRACT(YEAR FROM report_date) * 100 + EXTRACT(MONTH FROM report_date) AS INT),
           app_sku, bucket, currency, SUM(units), SUM(refund_units), SUM(proceeds), COUNT(*)
    FROM metrics_app_day
    GROUP BY account_id, vendor_number,
             CAST(EXTRACT(YEAR FROM report_date) * 100 + EXTRACT(MONTH FROM report_date) AS INT), app_sku, bucket, currency;

INSERT INTO metrics_country_month (account_id, vendor_number, report_month, country, bucket, currency, units,
        refund_units, proceeds, day_count)
    SELECT account_id, vendor_number, CAST(EXTRACT(YEAR FROM report_date) * 100 + EXTRACT(MONTH FROM report_date) AS INT),
           country, bucket, currency, SUM(units), SUM(refund_units), SUM(proceeds), COUNT(*)
    FROM metrics_country_day
    GROUP BY account_id, vendor_number,
             CAST(EXTRACT(YEAR FROM report_date) * 100 + EXTRACT(MONTH FROM report_date) AS INT), country, bucket, currency;

INSERT INTO metrics_account_month (account_id, vendor_number, report_month, bucket, currency, units, refund_units,
        proceeds, day_count)
    SELECT account_id, vendor_number, CAST(EXTRACT(YEAR FROM report_date) * 100 + EXTRACT(MONTH FROM report_date) AS INT),
           bucket, currency, SUM(units), SUM(refund_units), SUM(proceeds), COUNT(*)
    FROM metrics_account_day
    GROUP BY account_id, vendor_number,
             CAST(EXTRACT(YEAR FROM report_date) * 100 + EXTRACT(MONTH FROM report_date) AS INT), bucket, currency;

INSERT INTO metrics_daily_month (account_id, vendor_number, report_month, app_sku, bucket, country, currency, units,
        refund_units, proceeds, day_count)
    SELECT account_id, vendor_number, CAST(EXTRACT(YEAR FROM report_date) * 100 + EXTRACT(MONTH FROM report_date) AS INT),
           app_sku, bucket, country, currency, SUM(units), SUM(refund_units), SUM(proceeds), COUNT(*)
    FROM metrics_daily
    GROUP BY account_id, vendor_number,
             CAST(EXTRACT(YEAR FROM report_date) * 100 + EXTRACT(MONTH FROM report_date) AS INT), app_sku, bucket, country,
             currency;
