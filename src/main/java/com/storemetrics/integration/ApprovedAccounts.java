package com.storemetrics.integration;

import com.storemetrics.account.StoreAccount;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only answers about Approved integrations for features that build on them (store metrics):
 * which accounts have at least one, which of them a given customer has, and who has one of an
 * account (the "data stalled" notice goes to each of them). Internal: callers
 * scope by the customer themselves (a customer-facing service passes the signed-in user's id).
 */
@Component
public class ApprovedAccounts {

    /** An account with at least one Approved integration; {@code accountNumber} is null until known. */
    public record ApprovedAccount(long accountId, String accountNumber, String name, List<String> vendorNumbers) {

        public ApprovedAccount {
            vendorNumbers = List.copyOf(vendorNumbers);
        }
    }

    private final LinkedAccountRepository accounts;
    private final IntegrationRepository integrations;

    ApprovedAccounts(LinkedAccountRepository accounts, IntegrationRepository integrations) {
        this.accounts = accounts;
        this.integrations = integrations;
    }

    /** Every account with at least one Approved integration, by id. */
    @Transactional(readOnly = true)
    public List<ApprovedAccount> all() {
        return accounts.findWithIntegrationsIn(Set.of(IntegrationStatus.APPROVED)).stream()
                .map(ApprovedAccounts::of)
                .sorted(Comparator.comparing(ApprovedAccount::accountId))
                .toList();
    }

    /** The accounts this customer has an Approved integration of, by name. */
    @Transactional(readOnly = true)
    public List<ApprovedAccount> ofCustomer(long customerId) {
        return integrations
                .findPageOfCustomer(customerId, Set.of(IntegrationStatus.APPROVED), Pageable.unpaged())
                .stream()
                .map(integration -> of(integration.getAccount()))
                .sorted(Comparator.comparing(ApprovedAccount::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The customers with an Approved integration of the account (each once), by id. */
    @Transactional(readOnly = true)
    public List<Long> customersOf(long accountId) {
        return integrations.findByAccountsAndStatus(Set.of(accountId), IntegrationStatus.APPROVED).stream()
                .map(Integration::getCustomerId)
                .distinct()
                .sorted()
                .toList();
    }

    /**
     * The customers with an Approved integration of the account who asked for payments when
     * connecting (each once), by id: those told that our Finance role is missing.
     */
    @Transactional(readOnly = true)
    public List<Long> customersWantingPayments(long accountId) {
        return integrations.findByAccountsAndStatus(Set.of(accountId), IntegrationStatus.APPROVED).stream()
                .filter(integration -> integration.getDataWanted().payments())
                .map(Integration::getCustomerId)
                .distinct()
                .sorted()
                .toList();
    }

    private static ApprovedAccount of(StoreAccount account) {
        return new ApprovedAccount(
                account.getId(),
                account.getAccountNumber(),
                account.getName(),
                List.copyOf(account.getVendorNumbers()));
    }
}
