package com.storemetrics.integration;

/** What one reconciliation changed, for the verifier's health record and logs. */
public record ReconcileOutcome(int accountsChecked, int approved, int expired, int removed) {

    public String summary() {
        return accountsChecked + " accounts checked, " + approved + " approved, " + expired + " expired, "
                + removed + " removed";
    }
}
