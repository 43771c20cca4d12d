package com.storemetrics.verification;

/** What one reconciliation changed, for the verifier's health record and logs. */
record ReconcileOutcome(int accountsChecked, int approved, int expired, int removed) {

    public String summary() {
        return accountsChecked + " accounts checked, " + approved + " approved, " + expired + " expired, "
                + removed + " removed";
    }
}
