package com.storemetrics.metrics;

import com.storemetrics.appstore.AppleFailure;
import com.storemetrics.appstore.ReporterClient;
import com.storemetrics.integration.ApprovedAccounts;
import com.storemetrics.integration.ApprovedAccounts.ApprovedAccount;
import com.storemetrics.notices.NoticeOutbox;
import com.storemetrics.notices.OutgoingNotice;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Our service user may not read the account's Sales reports" (docs/metrics.md, "Sales role
 * missing"): the one writer of {@code metrics_account_import.sales_refused_since} (V62). When Apple
 * refuses a daily report for lack of a role while our user is still a member of the account, the
 * refusal is recorded (not an import failure), the account waits {@code role-recheck} (a day) before
 * it is asked again, and a refusal not recorded yet writes a {@code ROLE_MISSING} notice naming the
 * Sales role to every customer with the account Approved, in the same transaction. The next report
 * Apple answers ends it ({@link #answered}).
 */
@Component
class SalesRoleRefusals {

    private static final Logger log = LoggerFactory.getLogger(SalesRoleRefusals.class);

    private final JdbcClient jdbc;
    private final ImportLedger ledger;
    private final ReporterClient reporter;
    private final ApprovedAccounts approvedAccounts;
    private final NoticeOutbox outbox;
    private final TransactionTemplate transaction;
    private final Duration recheck;
    private final String serviceAccessToken;

    SalesRoleRefusals(
            JdbcClient jdbc,
            ImportLedger ledger,
            ReporterClient reporter,
            ApprovedAccounts approvedAccounts,
            NoticeOutbox outbox,
            PlatformTransactionManager transactionManager,
            @Value("${storemetrics.metrics.role-recheck:24h}") Duration recheck,
            @Value("${storemetrics.apple.service-access-token}") String serviceAccessToken) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.reporter = reporter;
        this.approvedAccounts = approvedAccounts;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactionManager);
        this.recheck = recheck;
        this.serviceAccessToken = serviceAccessToken;
    }

    /**
     * Whether a refusal for lack of a role is one: Apple says the same "no permission" to an Apple ID
     * that is no longer a member at all, and a removed user is the verifier's to tell (two checks
     * without membership remove every integration of the account), not a missing role. One
     * {@code Sales.getAccounts} (the call the verifier makes) says whether the account is still ours;
     * if that fails too, it is not taken as a missing role.
     */
    boolean stillAMember(String accountNumber) {
        try {
            return reporter.getAccounts(serviceAccessToken).stream()
                    .anyMatch(account -> account.number().equals(accountNumber));
        } catch (AppleFailure failure) {
            log.warn(
                    "Store metrics: could not tell whether account {} refuses its reports for lack of a role ({})",
                    accountNumber,
                    failure.getMessage());
            return false;
        }
    }

    /**
     * Records the refusal seen at {@code at} and makes the account wait {@code role-recheck}, in one
     * transaction that holds the account like the importer's writers; a refusal not recorded yet keeps
     * {@code at} as its start and writes the notices in it. Returns the notices written.
     */
    int refused(long accountId, Instant at) {
        Integer written = transaction.execute(tx -> {
            ledger.holdAccount(accountId);
            Instant known = jdbc.sql("SELECT sales_refused_since FROM metrics_account_import WHERE account_id = :id")
                    .param("id", accountId)
                    .query((rs, i) -> ImportLedger.instant(rs, 1))
                    .optional()
                    .orElse(null);
            Instant since = known != null ? known : at.truncatedTo(ChronoUnit.MICROS);
            jdbc.sql("UPDATE metrics_account_import SET sales_refused_since = :since, paused_until = :until,"
                            + " last_served_at = :at WHERE account_id = :id")
                    .param("since", ImportLedger.at(since))
                    .param("until", ImportLedger.at(at.plus(recheck)))
                    .param("at", ImportLedger.at(at))
                    .param("id", accountId)
                    .update();
            return known == null ? tell(accountId, since, at) : 0;
        });
        return written == null ? 0 : written;
    }

    private int tell(long accountId, Instant since, Instant now) {
        ApprovedAccount account = approvedAccounts.all().stream()
                .filter(approved -> approved.accountId() == accountId)
                .findFirst()
                .orElse(null);
        if (account == null) {
            return 0; // No Approved integration left: nobody to tell.
        }
        int written = 0;
        for (long customer : approvedAccounts.customersOf(accountId)) {
            if (outbox.add(OutgoingNotice.salesRoleMissing(customer, accountId, since, account.name(), now))) {
                written++;
            }
        }
        log.info(
                "Store metrics: Apple refuses account id {}'s Sales reports to our service user for lack of a role"
                        + " (since {}); {} customer(s) told",
                accountId,
                since,
                written);
        return written;
    }

    /**
     * Apple answered reports of these accounts: a refusal recorded before is over, and a "role
     * missing" e-mail about it not sent yet is withdrawn, in one transaction.
     */
    void answered(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(tx -> {
            List<Long> ended = jdbc.sql("SELECT account_id FROM metrics_account_import"
                            + " WHERE sales_refused_since IS NOT NULL AND account_id IN (:ids)")
                    .param("ids", List.copyOf(accountIds))
                    .query(Long.class)
                    .list();
            if (ended.isEmpty()) {
                return;
            }
            jdbc.sql("UPDATE metrics_account_import SET sales_refused_since = NULL"
                            + " WHERE sales_refused_since IS NOT NULL AND account_id IN (:ids)")
                    .param("ids", ended)
                    .update();
            ended.forEach(accountId -> outbox.withdrawSalesRoleMissing(
                    accountId, "Withdrawn before sending: Apple answers the account's Sales reports again"));
        });
    }
}
