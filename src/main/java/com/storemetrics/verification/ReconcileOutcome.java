package com.storemetrics.verification;

/** What one reconciliation changed, for the verifier's health record and logs. */
record ReconcileOutcome(int accountsChecked, int approved, int expired, int removed, boolean applied) {

    ReconcileOutcome(int accountsChecked, int approved, int expired, int removed) {
        this(accountsChecked, approved, expired, removed, true);
    }

    /** A check as new or newer was applied already (another node's): this one changed nothing. */
    static ReconcileOutcome superseded(int accountsChecked) {
        return new ReconcileOutcome(accountsChecked, 0, 0, 0, false);
    }

    public String summary() {
        String checked = accountsChecked + (accountsChecked == 1 ? " account checked" : " accounts checked");
        if (!applied) {
            return checked + "; a newer check was applied already, nothing changed";
        }
        return checked + ", " + approved + " approved, " + expired + " expired, " + removed + " removed";
    }
}
