package com.storemetrics.metrics;

import org.springframework.stereotype.Component;

/** The import of an account as other features' views say it: what went wrong last, while it still repeats. */
@Component
public class ImportStatus {

    private final ImportLedger ledger;

    ImportStatus(ImportLedger ledger) {
        this.ledger = ledger;
    }

    /** The last failure of the account's import while it repeats (kind and detail), or null. */
    public String currentFailure(long accountId) {
        ImportLedger.ImportRecord record = ledger.record(accountId);
        return record == null ? null : record.currentFailure();
    }
}
