package com.storemetrics.appstore;

/**
 * Apple's answer to {@code Finance.getReport}: the report ({@link Outcome#DATA}), or one of the
 * answers that are not failures, with Apple's words ({@code appleSays}, blank for DATA).
 */
public record FinancialReportAnswer(Outcome outcome, FinancialReport report, String appleSays) {

    public enum Outcome {
        /** The report, its totals checked. */
        DATA,
        /** "no sales": the region settled nothing that month (a real zero). */
        NO_SALES,
        /** "not available yet": not published; ask again after the expected publication day. */
        NOT_YET_AVAILABLE,
        /** 403: our Apple ID lacks the Finance (or Admin) role in this account. An answer, not a failure. */
        FORBIDDEN,
        /** 400 in Apple's words: a region or period Apple does not take for this vendor. Asking again will not help. */
        REFUSED
    }

    static FinancialReportAnswer of(Outcome outcome, String appleSays) {
        return new FinancialReportAnswer(outcome, null, appleSays);
    }
}
