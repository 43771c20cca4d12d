-- The European Central Bank's euro reference rates by working day (issue 25): units of the currency
-- per euro, as the ECB publishes them. Written by rates.RateStore alone.
CREATE TABLE reference_rate (
    rate_date DATE NOT NULL,
    currency CHAR(3) NOT NULL,
    per_eur NUMERIC(18, 6) NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (rate_date, currency)
);
