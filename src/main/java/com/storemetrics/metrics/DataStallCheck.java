package com.storemetrics.metrics;

import com.storemetrics.appstore.AppleFacts;
import com.storemetrics.integration.ApprovedAccounts;
import com.storemetrics.integration.ApprovedAccounts.ApprovedAccount;
import com.storemetrics.notices.NoticeOutbox;
import com.storemetrics.notices.OutgoingNotice;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The "data stalled" check (docs/metrics.md, "When data stalls"), run by db-scheduler on one node at
 * a time: an imported account's Sales data is stalled when no new report day arrived for
 * {@code stall.after} past Apple's usual publication of the next day, or when every request for its
 * reports failed for {@code stall.failing-for}. Per account, in one transaction that holds the
 * account like the importer's writers: read the importer's state, and for a stalled episode not told
 * yet (keyed by the newest good day) record it and write a {@code DATA_STALLED} notice to every
 * customer with the account Approved; not while Apple refuses the account's reports for lack of a
 * role ({@link SalesRoleRefusals}: its own e-mail says what to do). Once data flows again the newest day moves on, so nothing more
 * is said about the old episode (a "data stalled" e-mail not sent yet is withdrawn), and a later stall is a new one.
 */
@Component
public class DataStallCheck {

    /** Apple publishes a day's Sales report around this time (Pacific), its lag after the day. */
    static final LocalTime PUBLISHED_AT = LocalTime.of(5, 0);

    private static final Logger log = LoggerFactory.getLogger(DataStallCheck.class);

    /** One imported account as the check reads it. */
    record AccountState(
            long accountId,
            String name,
            LocalDate newestDay,
            Instant startedAt,
            Instant lastSuccessAt,
            Instant lastFailureAt,
            int consecutiveFailures,
            String notifiedFor,
            Instant salesRefusedSince) {}

    private final JdbcClient jdbc;
    private final ImportLedger ledger;
    private final ApprovedAccounts approvedAccounts;
    private final NoticeOutbox outbox;
    private final StallProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DataStallCheck(
            JdbcClient jdbc,
            ImportLedger ledger,
            ApprovedAccounts approvedAccounts,
            NoticeOutbox outbox,
            StallProperties properties,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.approvedAccounts = approvedAccounts;
        this.outbox = outbox;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** One check of every imported account; returns the notices written. */
    public int check() {
        Instant now = clock.instant();
        int written = 0;
        for (ApprovedAccount approved : approvedAccounts.all()) {
            Integer notices = transaction.execute(status -> checkAccount(approved, now));
            written += notices == null ? 0 : notices;
        }
        return written;
    }

    private int checkAccount(ApprovedAccount approved, Instant now) {
        long accountId = approved.accountId();
        ledger.holdAccount(accountId);
        Optional<AccountState> read = state(accountId, approved.name());
        if (read.isEmpty()) {
            return 0;
        }
        // Apple refuses the reports for lack of a role: the "role missing" e-mail tells it, with what to do.
        if (read.get().salesRefusedSince() != null || !isStalled(read.get(), now, properties)) {
            if (read.get().notifiedFor() != null) {
                // A stall told but not sent yet is moot once data flows again (or the role e-mail says why not).
                outbox.withdrawDataStalled(
                        accountId,
                        read.get().salesRefusedSince() != null
                                ? "Withdrawn before sending: Apple refuses the reports for lack of a role"
                                : "Withdrawn before sending: the account's data arrives again");
            }
            return 0;
        }
        AccountState account = read.get();
        String occurrence = OutgoingNotice.stalledOccurrence(account.newestDay());
        if (occurrence.equals(account.notifiedFor())) {
            return 0;
        }
        jdbc.sql("UPDATE metrics_account_import SET stall_notified_for = :occurrence, stall_notified_at = :now"
                        + " WHERE account_id = :id")
                .param("occurrence", occurrence)
                .param("now", ImportLedger.at(now))
                .param("id", accountId)
                .update();
        int written = 0;
        for (long customer : approvedAccounts.customersOf(accountId)) {
            if (outbox.add(OutgoingNotice.dataStalled(customer, accountId, account.newestDay(), account.name(), now))) {
                written++;
            }
        }
        log.info(
                "Store metrics: data of account id {} stalled after {} ({} failure(s) in a row); {} customer(s) told",
                accountId,
                account.newestDay() == null ? "no day" : account.newestDay(),
                account.consecutiveFailures(),
                written);
        return written;
    }

    /**
     * No new day for {@code after} past the usual publication of the day after the newest one, or
     * every request failed for {@code failing-for} (since the last success, or the import's start).
     */
    static boolean isStalled(AccountState account, Instant now, StallProperties properties) {
        if (account.newestDay() != null) {
            Instant nextDayExpected = account.newestDay()
                    .plusDays(1 + SalesDays.LAG_DAYS)
                    .atTime(PUBLISHED_AT)
                    .atZone(AppleFacts.REPORT_ZONE)
                    .toInstant();
            if (!now.isBefore(nextDayExpected.plus(properties.after()))) {
                return true;
            }
        }
        if (account.consecutiveFailures() == 0 || account.lastFailureAt() == null) {
            return false;
        }
        Instant failingSince = account.lastSuccessAt() != null ? account.lastSuccessAt() : account.startedAt();
        return !account.lastFailureAt().isBefore(failingSince.plus(properties.failingFor()));
    }

    /**
     * The account's import and its newest good Sales day: per vendor the newest day Apple published
     * (data or a real zero), and of those the least advanced vendor's, as Data Integration's line reads it.
     */
    private Optional<AccountState> state(long accountId, String name) {
        LocalDate newest = jdbc.sql("SELECT MIN(newest) FROM (SELECT MAX(report_date) AS newest FROM metrics_day_import"
                        + " WHERE account_id = :id AND report = :report AND status IN ('DATA', 'NO_SALES')"
                        + " GROUP BY vendor_number) v")
                .param("id", accountId)
                .param("report", SalesDays.NAME)
                .query((rs, row) -> rs.getObject(1, LocalDate.class))
                .optional()
                .orElse(null);
        return jdbc.sql("SELECT started_at, last_success_at, last_failure_at, consecutive_failures,"
                        + " stall_notified_for, sales_refused_since FROM metrics_account_import"
                        + " WHERE account_id = :id AND active")
                .param("id", accountId)
                .query((rs, row) -> new AccountState(
                        accountId,
                        name,
                        newest,
                        ImportLedger.instant(rs, 1),
                        ImportLedger.instant(rs, 2),
                        ImportLedger.instant(rs, 3),
                        rs.getInt(4),
                        rs.getString(5),
                        ImportLedger.instant(rs, 6)))
                .optional();
    }
}
