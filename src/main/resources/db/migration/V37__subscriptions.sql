-- Subscriptions (issue 24): Apple's daily Subscription and Subscription Event reports, imported per
-- account and vendor with our service Apple ID by the same importer as the sales (metrics_day_import,
-- report 'SUBSCRIPTIONS'), shaped for the Subscriptions view (docs/subscriptions.md). Amounts stay in
-- their original currencies. Report days are Apple's Pacific dates. As for the sales tables, no foreign
-- keys into integration's tables: the figures outlive the integrations that started their import.

-- The subscriptions the reports named, with the newest names they gave them.
CREATE TABLE subscription_product (
    account_id      BIGINT NOT NULL,
    subscription_id VARCHAR(40) NOT NULL,
    name            VARCHAR(300) NOT NULL,
    app_apple_id    VARCHAR(40) NOT NULL,
    app_name        VARCHAR(300) NOT NULL,
    group_id        VARCHAR(40) NOT NULL,
    duration        VARCHAR(40) NOT NULL,
    last_seen_date  DATE NOT NULL,
    CONSTRAINT pk_subscription_product PRIMARY KEY (account_id, subscription_id)
);

-- Active subscriptions on the report day as the Subscription report counts them, per subscription,
-- country and Developer Proceeds per subscription (in its currency); Apple's rows of one such key
-- (offers, devices, clients) summed. Paid = standard price and every pay-up-front or pay-as-you-go
-- offer; free trials = every free-trial column; billing retry and grace period as Apple counts them.
CREATE TABLE subscription_active (
    account_id      BIGINT NOT NULL,
    report_date     DATE NOT NULL,
    vendor_number   VARCHAR(20) NOT NULL,
    subscription_id VARCHAR(40) NOT NULL,
    country         VARCHAR(8) NOT NULL,
    currency        VARCHAR(8) NOT NULL,
    proceeds        DECIMAL(22, 4) NOT NULL,
    active_paid     BIGINT NOT NULL,
    free_trials     BIGINT NOT NULL,
    billing_retry   BIGINT NOT NULL,
    grace_period    BIGINT NOT NULL,
    CONSTRAINT pk_subscription_active
        PRIMARY KEY (account_id, report_date, vendor_number, subscription_id, country, currency, proceeds)
);

-- The same day per subscription and country, and what the day's Subscription Event report did to the
-- counts (SubscriptionBalance.changes): Apple's day-to-day rule is counts(d) = counts(d-1) + changes(d).
CREATE TABLE subscription_balance (
    account_id      BIGINT NOT NULL,
    report_date     DATE NOT NULL,
    vendor_number   VARCHAR(20) NOT NULL,
    subscription_id VARCHAR(40) NOT NULL,
    country         VARCHAR(8) NOT NULL,
    active_paid     BIGINT NOT NULL,
    free_trials     BIGINT NOT NULL,
    at_risk         BIGINT NOT NULL,
    paid_change     BIGINT NOT NULL,
    trials_change   BIGINT NOT NULL,
    at_risk_change  BIGINT NOT NULL,
    CONSTRAINT pk_subscription_balance PRIMARY KEY (account_id, report_date, vendor_number, subscription_id, country)
);

-- Per subscription and day (the chart): the counts summed over countries.
CREATE TABLE subscription_product_day (
    account_id      BIGINT NOT NULL,
    report_date     DATE NOT NULL,
    vendor_number   VARCHAR(20) NOT NULL,
    subscription_id VARCHAR(40) NOT NULL,
    active_paid     BIGINT NOT NULL,
    free_trials     BIGINT NOT NULL,
    at_risk         BIGINT NOT NULL,
    CONSTRAINT pk_subscription_product_day PRIMARY KEY (account_id, report_date, vendor_number, subscription_id)
);

-- Events as the Subscription Event report has them: per subscription, country, event (Apple's name;
-- a name we do not know is kept as Apple wrote it), Subscription Offer Type and Cancellation Reason
-- (blank: ''), the quantity. With roll-ups without country and without subscription, and each of the
-- three summed per month (day_count: how many day rows a month row sums), as for the sales tables.
CREATE TABLE subscription_event (
    account_id      BIGINT NOT NULL,
    report_date     DATE NOT NULL,
    vendor_number   VARCHAR(20) NOT NULL,
    subscription_id VARCHAR(40) NOT NULL,
    country         VARCHAR(8) NOT NULL,
    event           VARCHAR(80) NOT NULL,
    offer_type      VARCHAR(40) NOT NULL,
    reason          VARCHAR(100) NOT NULL,
    quantity        BIGINT NOT NULL,
    CONSTRAINT pk_subscription_event
        PRIMARY KEY (account_id, report_date, vendor_number, subscription_id, country, event, offer_type, reason)
);

CREATE TABLE subscription_event_month (
    account_id      BIGINT NOT NULL,
    report_month    INT NOT NULL,
    vendor_number   VARCHAR(20) NOT NULL,
    subscription_id VARCHAR(40) NOT NULL,
    country         VARCHAR(8) NOT NULL,
    event           VARCHAR(80) NOT NULL,
    offer_type      VARCHAR(40) NOT NULL,
    reason          VARCHAR(100) NOT NULL,
    quantity        BIGINT NOT NULL,
    day_count       BIGINT NOT NULL,
    CONSTRAINT pk_subscription_event_month
        PRIMARY KEY (account_id, report_month, vendor_number, subscription_id, country, event, offer_type, reason)
);

CREATE TABLE subscription_event_product_day (
    account_id      BIGINT NOT NULL,
    report_date     DATE NOT NULL,
    vendor_number   VARCHAR(20) NOT NULL,
    subscription_id VARCHAR(40) NOT NULL,
    event           VARCHAR(80) NOT NULL,
    offer_type      VARCHAR(40) NOT NULL,
    reason          VARCHAR(100) NOT NULL,
    quantity        BIGINT NOT NULL,
    CONSTRAINT pk_subscription_event_product_day
        PRIMARY KEY (account_id, report_date, vendor_number, subscription_id, event, offer_type, reason)
);

CREATE TABLE subscription_event_product_month (
    account_id      BIGINT NOT NULL,
    report_month    INT NOT NULL,
    vendor_number   VARCHAR(20) NOT NULL,
    subscription_id VARCHAR(40) NOT NULL,
    event           VARCHAR(80) NOT NULL,
    offer_type      VARCHAR(40) NOT NULL,
    reason          VARCHAR(100) NOT NULL,
    quantity        BIGINT NOT NULL,
    day_count       BIGINT NOT NULL,
    CONSTRAINT pk_subscription_event_product_month
        PRIMARY KEY (account_id, report_month, vendor_number, subscription_id, event, offer_type, reason)
);

CREATE TABLE subscription_event_country_day (
    account_id      BIGINT NOT NULL,
    report_date     DATE NOT NULL,
    vendor_number   VARCHAR(20) NOT NULL,
    country         VARCHAR(8) NOT NULL,
    event           VARCHAR(80) NOT NULL,
    offer_type      VARCHAR(40) NOT NULL,
    reason          VARCHAR(100) NOT NULL,
    quantity        BIGINT NOT NULL,
    CONSTRAINT pk_subscription_event_country_day
        PRIMARY KEY (account_id, report_date, vendor_number, country, event, offer_type, reason)
);

CREATE TABLE subscription_event_country_month (
    account_id      BIGINT NOT NULL,
    report_month    INT NOT NULL,
    vendor_number   VARCHAR(20) NOT NULL,
    country         VARCHAR(8) NOT NULL,
    event           VARCHAR(80) NOT NULL,
    offer_type      VARCHAR(40) NOT NULL,
    reason          VARCHAR(100) NOT NULL,
    quantity        BIGINT NOT NULL,
    day_count       BIGINT NOT NULL,
    CONSTRAINT pk_subscription_event_country_month
        PRIMARY KEY (account_id, report_month, vendor_number, country, event, offer_type, reason)
);

-- What each stored day's two files were like: rows, versions, whether the Subscription report agrees with
-- the day before plus the day's events (BALANCED, MISMATCH with how many (subscription, country) pairs differ,
-- or UNCHECKED while the day before is not stored), and what was new to us (event names, columns, apps).
-- Such a day is stored as Apple sent it and flagged, never "fixed".
CREATE TABLE subscription_report_day (
    account_id        BIGINT NOT NULL,
    report_date       DATE NOT NULL,
    vendor_number     VARCHAR(20) NOT NULL,
    subscription_rows INT NOT NULL,
    event_rows        INT NOT NULL,
    report_versions   VARCHAR(20) NOT NULL,
    balance           VARCHAR(12) NOT NULL,
    mismatched_pairs  INT NOT NULL,
    unknown_events    VARCHAR(500),
    unknown_columns   VARCHAR(500),
    unknown_apps      VARCHAR(500),
    CONSTRAINT pk_subscription_report_day PRIMARY KEY (account_id, report_date, vendor_number)
);
