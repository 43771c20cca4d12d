package com.storemetrics.subscriptions;

import com.storemetrics.metrics.PeriodSums;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Subscriptions view's reads. Callers have checked that the signed-in customer may see the
 * account ({@link SubscriptionService}); every query is scoped by account id, and by the chosen
 * subscriptions ({@code ids}; null: all of them). Snapshots read one day's rows; the chart reads the
 * per-subscription day roll-up; event sums over a period read month roll-ups plus edge days.
 */
@Component
class SubscriptionQueries {

    /** One day's active subscriptions of a subscription in a country at one price (proceeds per subscription). */
    record ActiveRow(
            String subscriptionId,
            String country,
            String currency,
            BigDecimal proceeds,
            long paid,
            long trials,
            long atRisk) {}

    private final JdbcClient jdbc;
    private final PeriodSums periods;

    SubscriptionQueries(JdbcClient jdbc, PeriodSums periods) {
        this.jdbc = jdbc;
        this.periods = periods;
    }

    /** The active subscriptions on one report day (every vendor's rows). */
    List<ActiveRow> active(long accountId, LocalDate day, Collection<String> ids) {
        return jdbc.sql("SELECT subscription_id, country, currency, proceeds, active_paid, free_trials,"
                        + " billing_retry + grace_period FROM subscription_active WHERE account_id = :account"
                        + " AND report_date = :day" + chosen(ids))
                .param("account", accountId)
                .param("day", day)
                .params(ids == null ? Map.of() : Map.of("ids", ids))
                .query((rs, i) -> new ActiveRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7)))
                .list();
    }

    /** Per day of [from, to]: active paid, free trials and at risk, summed here (index = day - from). */
    long[][] byDay(long accountId, LocalDate from, LocalDate to, Collection<String> ids) {
        long[][] days = new long[(int) ChronoUnit.DAYS.between(from, to) + 1][3];
        long first = from.toEpochDay();
        jdbc.sql("SELECT report_date, active_paid, free_trials, at_risk FROM subscription_product_day"
                        + " WHERE account_id = :account AND report_date BETWEEN :from AND :to" + chosen(ids))
                .param("account", accountId)
                .param("from", from)
                .param("to", to)
                .params(ids == null ? Map.of() : Map.of("ids", ids))
                .query((RowCallbackHandler) rs -> {
                    long[] day = days[(int) (rs.getObject(1, LocalDate.class).toEpochDay() - first)];
                    day[0] += rs.getLong(2);
                    day[1] += rs.getLong(3);
                    day[2] += rs.getLong(4);
                });
        return days;
    }

    /** An event total over a period: its group (subscription or country, or "all"), event, offer type, reason. */
    record EventSum(String key, String event, String offerType, String reason, long quantity) {}

    /**
     * Events over [from, to] per {@code by} ("subscription_id", "country" or a constant such as
     * "'all'"), event, offer type and cancellation reason.
     */
    List<EventSum> events(long accountId, LocalDate from, LocalDate to, Collection<String> ids, String by) {
        EventTables tables =
                by.equals("country") ? (ids == null ? EventTables.COUNTRY : EventTables.FULL) : EventTables.PRODUCT;
        Map<List<String>, PeriodSums.Sums> sums = periods.sum(
                tables.tables(),
                List.of(by, "event", "offer_type", "reason"),
                accountId,
                ids == null ? "" : "subscription_id IN (:ids)",
                ids == null ? Map.of() : Map.of("ids", ids),
                from,
                to);
        List<EventSum> events = new ArrayList<>(sums.size());
        sums.forEach((key, sum) ->
                events.add(new EventSum(key.get(0), key.get(1), key.get(2), key.get(3), sum.counts()[0])));
        return events;
    }

    /** Days in the range that every one of {@code vendorCount} vendors has both subscription reports of. */
    List<LocalDate> reportedDays(long accountId, int vendorCount, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT report_date FROM metrics_day_import WHERE account_id = :account"
                        + " AND report = :report AND status IN ('DATA', 'NO_SALES') AND report_date BETWEEN :from AND :to"
                        + " GROUP BY report_date HAVING COUNT(*) >= :vendors ORDER BY report_date")
                .param("account", accountId)
                .param("report", SubscriptionDays.NAME)
                .param("from", from)
                .param("to", to)
                .param("vendors", vendorCount)
                .query(LocalDate.class)
                .list();
    }

    /** The newest day every vendor has both subscription reports of. */
    Optional<LocalDate> publishedUpTo(long accountId, int vendorCount) {
        return jdbc.sql("SELECT report_date FROM metrics_day_import WHERE account_id = :account AND report = :report"
                        + " AND status IN ('DATA', 'NO_SALES') GROUP BY report_date HAVING COUNT(*) >= :vendors"
                        + " ORDER BY report_date DESC FETCH FIRST 1 ROWS ONLY")
                .param("account", accountId)
                .param("report", SubscriptionDays.NAME)
                .param("vendors", vendorCount)
                .query(LocalDate.class)
                .optional();
    }

    /** Days of the range whose Subscription report disagrees with the day before plus its events (any vendor). */
    List<LocalDate> mismatchedDays(long accountId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT DISTINCT report_date FROM subscription_report_day WHERE account_id = :account"
                        + " AND report_date BETWEEN :from AND :to AND balance = 'MISMATCH' ORDER BY report_date")
                .param("account", accountId)
                .param("from", from)
                .param("to", to)
                .query(LocalDate.class)
                .list();
    }

    private static String chosen(Collection<String> ids) {
        return ids == null ? "" : " AND subscription_id IN (:ids)";
    }
}
