-- Apple's Financial reports per account (issue 25): what the importer learned and stored.
--
-- payments_account: whether our service Apple ID may read the account's Financial reports (Apple's
-- answer to Finance.getVendorsAndRegions: a 403 for lack of the Finance role is an answer, kept here,
-- not a failure; null while asking fails), when it was last asked, and when it is asked next (a day
-- later, or after a back-off while it fails).
CREATE TABLE payments_account (
    account_id        BIGINT NOT NULL PRIMARY KEY,
    finance_permitted BOOLEAN,
    checked_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    next_check_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    failures          INT NOT NULL,
    apple_says        VARCHAR(500)
);

-- The report regions (one per currency) of each vendor, as Finance.getVendorsAndRegions listed them.
CREATE TABLE payments_region (
    account_id    BIGINT NOT NULL,
    vendor_number VARCHAR(40) NOT NULL,
    region        VARCHAR(4) NOT NULL,
    CONSTRAINT pk_payments_region PRIMARY KEY (account_id, vendor_number, region)
);

-- One region's Financial report of one fiscal month: Apple's answer (DATA, NO_SALES, NOT_YET,
-- REFUSED, FAILED) and, for DATA, what Apple settled: Total_Amount in the report's currency, the
-- units and rows. A failed or unpublished month keeps no amount and says when it is asked again.
CREATE TABLE payments_month (
    account_id      BIGINT NOT NULL,
    vendor_number   VARCHAR(40) NOT NULL,
    region          VARCHAR(4) NOT NULL,
    fiscal_year     INT NOT NULL,
    fiscal_period   INT NOT NULL,
    status          VARCHAR(20) NOT NULL,
    currency        VARCHAR(3),
    settled_amount  NUMERIC(19, 4),
    settled_units   BIGINT,
    row_count       INT,
    fetched_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    failures        INT NOT NULL,
    note            VARCHAR(500),
    CONSTRAINT pk_payments_month PRIMARY KEY (account_id, vendor_number, region, fiscal_year, fiscal_period)
);
