package com.storemetrics.sandbox;

import org.springframework.http.HttpStatus;

/** A refusal the Reporter expresses as an XML error: Apple's status, code and words. */
final class ReporterError extends RuntimeException {

    final HttpStatus status;
    final int code;

    ReporterError(HttpStatus status, int code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ReporterError invalid(String why) {
        return new ReporterError(HttpStatus.BAD_REQUEST, 100, "Invalid request: " + why);
    }

    static final ReporterError UNAUTHORIZED = new ReporterError(
            HttpStatus.UNAUTHORIZED,
            101,
            "The access token is invalid or has expired. Generate a new one in App Store Connect > Sales and Trends > Reports.");
    static final ReporterError FORBIDDEN = new ReporterError(
            HttpStatus.FORBIDDEN, 102, "You do not have permission to view reports for this account.");
    /**
     * The account's agreements are missing or expired (the fault {@code AGREEMENTS}; the sandbox's
     * wording: Apple's Reporter wording is unconfirmed, its API says
     * {@code FORBIDDEN.REQUIRED_AGREEMENTS_MISSING_OR_EXPIRED}). Not a missing role: the Account
     * Holder must accept the agreements in App Store Connect > Business.
     */
    static final ReporterError AGREEMENTS_MISSING = new ReporterError(
            HttpStatus.FORBIDDEN,
            102,
            "You do not have permission to view reports for this account: a required agreement is missing or has"
                    + " expired. The Account Holder must accept the latest agreements in App Store Connect > Business.");
    /** A member without Finance, Admin or Account Holder asks for a Financial report (the sandbox's wording). */
    static final ReporterError NO_FINANCE_ROLE = new ReporterError(
            HttpStatus.FORBIDDEN,
            102,
            "You do not have permission to view financial reports for this account. Financial reports require "
                    + "the Account Holder, Admin or Finance role.");
    /** A region and fiscal month without a single settled sale (the sandbox's wording, with Apple's "no sales"). */
    static final ReporterError NO_SALES_IN_PERIOD =
            new ReporterError(HttpStatus.NOT_FOUND, 213, "There were no sales for the period specified.");
    /** A fiscal month whose Financial reports are not published yet (the sandbox's wording, with Apple's "not available yet"). */
    static final ReporterError FINANCIAL_NOT_YET = new ReporterError(
            HttpStatus.NOT_FOUND,
            215,
            "Report is not available yet. Financial reports for a fiscal month are available by the first "
                    + "Friday of the next fiscal month.");

    static final ReporterError NO_SALES =
            new ReporterError(HttpStatus.NOT_FOUND, 213, "There were no sales for the date specified.");
    static final ReporterError NOT_AVAILABLE =
            new ReporterError(HttpStatus.NOT_FOUND, 214, "Reports are not available for the date specified.");
    /** Apple's wording for a day whose report is not published yet (the status code is unconfirmed). */
    static final String NOT_YET_MESSAGE = "Report is not available yet. Daily reports for the Americas are "
            + "available by 5 am Pacific Time; Japan, Australia, and New Zealand by 5 am Japan Standard Time; "
            + "and 5 am Central European Time for all other territories.";

    static final ReporterError NOT_YET = new ReporterError(HttpStatus.NOT_FOUND, 215, NOT_YET_MESSAGE);
}
