package com.storemetrics.metrics;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One kind of Apple's daily reports that {@link ReportImporter} fetches per (account, vendor, day)
 * with our service Apple ID's token: the Sales summary ({@link SalesDays}) and the subscription
 * reports (the subscriptions feature). The importer decides which days are due, paces the requests
 * within the shared hourly budget and records every outcome; a report asks Apple for one day and
 * says how to store what Apple answered. {@link Answer#store()} runs in the importer's transaction,
 * together with the day's status row, so a reader never sees part of a day.
 */
public interface DailyReport {

    /** Its name in the importer's tables ({@code metrics_day_import.report}): at most 20 characters. */
    String name();

    /** Days after the report day that Apple publishes it (at 5 am Pacific): never asked for sooner. */
    int lagDays();

    /** Apple requests one day usually costs (the importer starts a day only while its budget has that many). */
    int requestsPerDay();

    /**
     * Asks Apple for the day: throws {@code AppleFailure} when a request fails (nothing is stored
     * then). Stores nothing itself.
     */
    Answer fetch(String serviceAccessToken, Day day, Instant now);

    /** A day of one vendor of an account, as the importer asks for it. */
    record Day(long accountId, String accountNumber, String vendorNumber, LocalDate date) {}

    /**
     * Apple's answer for a day: published ({@link DayStatus#DATA} or {@link DayStatus#NO_SALES}) with
     * what replaces the stored day, or {@link DayStatus#NOT_YET}. {@code note} is recorded with the
     * day's status for support (what was odd about the files), or null.
     */
    record Answer(DayStatus status, Runnable store, String note) {

        public Answer {
            if (status == DayStatus.FAILED || status.isPublished() == (store == null)) {
                throw new IllegalArgumentException("a published answer stores, another does not: " + status);
            }
        }

        public static Answer published(DayStatus status, Runnable store, String note) {
            return new Answer(status, store, note);
        }

        public static Answer notYet() {
            return new Answer(DayStatus.NOT_YET, null, null);
        }
    }
}
