package com.storemetrics.support;

import com.storemetrics.verification.VerifierStatus;

/**
 * The verifier's health for the support console, with the Apple requests this node sent in the
 * last hour against Apple's hourly budget.
 */
public record SupportHealth(
        VerifierStatus verifier, int reporterRequestsLastHour, int apiRequestsLastHour, int hourlyBudget) {

    public int requestsLastHour() {
        return reporterRequestsLastHour + apiRequestsLastHour;
    }

    /** Share of the budget used, 0..1 (capped). */
    public double budgetShare() {
        return hourlyBudget <= 0 ? 0 : Math.min(1.0, requestsLastHour() / (double) hourlyBudget);
    }
}
