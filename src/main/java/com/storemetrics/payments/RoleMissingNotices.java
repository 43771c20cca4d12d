package com.storemetrics.payments;

import com.storemetrics.integration.ApprovedAccounts;
import com.storemetrics.integration.ApprovedAccounts.ApprovedAccount;
import com.storemetrics.notices.NoticeOutbox;
import com.storemetrics.notices.OutgoingNotice;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "role missing" e-mail (docs/notices.md): when the import records that our service Apple ID
 * newly may not read an account's Financial reports, one {@code ROLE_MISSING} notice to every
 * customer with the account Approved who asked for payments when connecting (one who chose the Sales
 * reports only has nothing missing), written through {@link NoticeOutbox} in the transaction that
 * records the refusal. The occurrence is the refusal's start, so the same loss of the role is told
 * once, and a role given and later taken again is told again.
 */
@Component
class RoleMissingNotices {

    private static final Logger log = LoggerFactory.getLogger(RoleMissingNotices.class);

    private final ApprovedAccounts approvedAccounts;
    private final NoticeOutbox outbox;

    RoleMissingNotices(ApprovedAccounts approvedAccounts, NoticeOutbox outbox) {
        this.approvedAccounts = approvedAccounts;
        this.outbox = outbox;
    }

    /** Writes the notices of a refusal first seen at {@code since}; returns how many were written. */
    int tell(ApprovedAccount account, Instant since, Instant now) {
        int written = 0;
        for (long customer : approvedAccounts.customersWantingPayments(account.accountId())) {
            if (outbox.add(OutgoingNotice.roleMissing(customer, account.accountId(), since, account.name(), now))) {
                written++;
            }
        }
        log.info(
                "Payments: our Apple ID lost the Finance role in account id {} (since {}); {} customer(s) told",
                account.accountId(),
                since,
                written);
        return written;
    }

    /** Our Apple ID may read the account's Financial reports (again): a "role missing" e-mail not sent yet is withdrawn. */
    @Transactional
    int roleGiven(long accountId) {
        return outbox.withdrawFinanceRoleMissing(
                accountId, "Withdrawn before sending: our Apple ID may read the Financial reports again");
    }
}
