-- Store metrics (issue 13): daily sales imported per ACCOUNT with our service Apple ID, shaped for
-- the Store Metrics view. No foreign keys into integration's tables: the data outlives the
-- integrations that started its import (docs/metrics.md says why), and integration owns its schema.

-- One row per account the importer has ever worked for: active while some integration of the
-- account is Approved; what went wrong last; when it may be asked again; whose turn it is.
CREATE TABLE metrics_account_import (
    account_id           BIGINT NOT NULL PRIMARY KEY,
    account_number       VARCHAR(40) NOT NULL,
    active               BOOLEAN NOT NULL,
    started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at           TIMESTAMP WITH TIME ZONE,
    last_served_at       TIMESTAMP WITH TIME ZONE,
    paused_until         TIMESTAMP WITH TIME ZONE,
    last_success_at      TIMESTAMP WITH TIME ZONE,
    last_failure_at      TIMESTAMP WITH TIME ZONE,
    last_failure_kind    VARCHAR(40),
    last_failure_message VARCHAR(500),
    consecutive_failures INT NOT NULL
);

-- What Apple answered for each (account, vendor, report day): DATA, NO_SALES (a real zero),
-- NOT_YET (not published: asked again later, never a zero) or FAILED (nothing stored; retried
-- with back-off). Report days are Apple's Pacific-time dates, never shifted.
CREATE TABLE metrics_day_import (
    account_id      BIGINT NOT NULL,
    vendor_number   VARCHAR(20) NOT NULL,
    report_date     DATE NOT NULL,
    status          VARCHAR(20) NOT NULL,
    fetched_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INT NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    last_failure    VARCHAR(500),
    CONSTRAINT pk_metrics_day_import PRIMARY KEY (account_id, vendor_number, report_date)
);
CREATE INDEX ix_metrics_day_import_status ON metrics_day_import (account_id, status, report_date);

-- Daily aggregates at full grain: units (positive rows), refunded units (negative rows, as a
-- positive count) and net proceeds (units x per-unit Developer Proceeds) in the original currency.
CREATE TABLE metrics_daily (
    account_id    BIGINT NOT NULL,
    vendor_number VARCHAR(20) NOT NULL,
    report_date   DATE NOT NULL,
    app_sku       VARCHAR(100) NOT NULL,
    bucket        VARCHAR(20) NOT NULL,
    country       VARCHAR(8) NOT NULL,
    currency      VARCHAR(8) NOT NULL,
    units         BIGINT NOT NULL,
    refund_units  BIGINT NOT NULL,
    proceeds      DECIMAL(22, 4) NOT NULL,
    CONSTRAINT pk_metrics_daily PRIMARY KEY (account_id, vendor_number, report_date, app_sku, bucket, country, currency)
);
CREATE INDEX ix_metrics_daily_app ON metrics_daily (account_id, app_sku, report_date);

-- Roll-ups of the same day written in the same transaction, so a year of 50 apps x 100 countries
-- is read without scanning the full grain: per app (no country) and per country (no app).
CREATE TABLE metrics_app_day (
    account_id    BIGINT NOT NULL,
    vendor_number VARCHAR(20) NOT NULL,
    report_date   DATE NOT NULL,
    app_sku       VARCHAR(100) NOT NULL,
    bucket        VARCHAR(20) NOT NULL,
    currency      VARCHAR(8) NOT NULL,
    units         BIGINT NOT NULL,
    refund_units  BIGINT NOT NULL,
    proceeds      DECIMAL(22, 4) NOT NULL,
    CONSTRAINT pk_metrics_app_day PRIMARY KEY (account_id, vendor_number, report_date, app_sku, bucket, currency)
);
CREATE INDEX ix_metrics_app_day_day ON metrics_app_day (account_id, report_date);

CREATE TABLE metrics_country_day (
    account_id    BIGINT NOT NULL,
    vendor_number VARCHAR(20) NOT NULL,
    report_date   DATE NOT NULL,
    country       VARCHAR(8) NOT NULL,
    bucket        VARCHAR(20) NOT NULL,
    currency      VARCHAR(8) NOT NULL,
    units         BIGINT NOT NULL,
    refund_units  BIGINT NOT NULL,
    proceeds      DECIMAL(22, 4) NOT NULL,
    CONSTRAINT pk_metrics_country_day PRIMARY KEY (account_id, vendor_number, report_date, country, bucket, currency)
);
CREATE INDEX ix_metrics_country_day_day ON metrics_country_day (account_id, report_date);

-- And per account and day only (no app, no country): the chart and the period totals of "all apps".
CREATE TABLE metrics_account_day (
    account_id    BIGINT NOT NULL,
    vendor_number VARCHAR(20) NOT NULL,
    report_date   DATE NOT NULL,
    bucket        VARCHAR(20) NOT NULL,
    currency      VARCHAR(8) NOT NULL,
    units         BIGINT NOT NULL,
    refund_units  BIGINT NOT NULL,
    proceeds      DECIMAL(22, 4) NOT NULL,
    CONSTRAINT pk_metrics_account_day PRIMARY KEY (account_id, vendor_number, report_date, bucket, currency)
);
CREATE INDEX ix_metrics_account_day_day ON metrics_account_day (account_id, report_date);

-- The apps (and their names) as the reports name them; app_sku is the app's SKU, which in-app
-- purchases carry as their Parent Identifier.
CREATE TABLE metrics_app (
    account_id       BIGINT NOT NULL,
    app_sku          VARCHAR(100) NOT NULL,
    apple_identifier VARCHAR(40),
    title            VARCHAR(300) NOT NULL,
    last_seen_date   DATE NOT NULL,
    CONSTRAINT pk_metrics_app PRIMARY KEY (account_id, app_sku)
);

-- The importer's share of the service Apple ID's hourly budget, counted across nodes per clock
-- hour, and a pause every node honours after Apple said 429 or refused our token.
CREATE TABLE metrics_pacing (
    id             INT NOT NULL PRIMARY KEY,
    window_start   TIMESTAMP WITH TIME ZONE,
    requests       INT NOT NULL,
    paused_until   TIMESTAMP WITH TIME ZONE,
    pause_reason   VARCHAR(500)
);
INSERT INTO metrics_pacing (id, requests) VALUES (1, 0);
