package com.storemetrics.integration;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the shared account records up to date from what a customer's credential showed. Runs in
 * its own short transactions, retried once, because two customers may connect the same new
 * account at the same moment and the account number is unique.
 */
@Component
public class StoreAccountCatalog {

    private final StoreAccountRepository accounts;
    private final IntegrationRepository integrations;
    private final TransactionTemplate newTransaction;
    private final Clock clock;

    StoreAccountCatalog(
            StoreAccountRepository accounts,
            IntegrationRepository integrations,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.accounts = accounts;
        this.integrations = integrations;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The ids of the accounts, created or refreshed. */
    public List<Long> upsert(List<DiscoveredAccount> discovered) {
        try {
            return newTransaction.execute(
                    status -> discovered.stream().map(this::upsertOne).toList());
        } catch (DataIntegrityViolationException raceWithAnotherCustomer) {
            // The other transaction created the account first; now it is there to update.
            return newTransaction.execute(
                    status -> discovered.stream().map(this::upsertOne).toList());
        }
    }

    /**
     * The stored account a discovered one is: by account number, else by any of its vendor numbers
     * (an account first connected with an API key is known by its vendor number only).
     */
    private Optional<StoreAccount> find(DiscoveredAccount found) {
        if (found.accountNumber() != null) {
            Optional<StoreAccount> byNumber = accounts.findByAccountNumber(found.accountNumber());
            if (byNumber.isPresent()) {
                return byNumber;
            }
        }
        return accounts.findByAnyVendorNumber(found.vendorNumbers()).stream().findFirst();
    }

    /** The stored name of the account with this vendor number, if any. */
    @Transactional(readOnly = true)
    public Optional<String> nameOfVendor(String vendorNumber) {
        return accounts.findByVendorNumber(vendorNumber).map(StoreAccount::getName);
    }

    /**
     * The status of the customer's live integration of each discovered account that has one, keyed
     * by {@link DiscoveredAccount#key()}; accounts without one are absent.
     */
    @Transactional(readOnly = true)
    public Map<String, IntegrationStatus> liveStatuses(long customerId, List<DiscoveredAccount> discovered) {
        Map<String, IntegrationStatus> statuses = new java.util.LinkedHashMap<>();
        for (DiscoveredAccount account : discovered) {
            find(account)
                    .flatMap(stored ->
                            integrations.findLiveByCustomerAndAccounts(customerId, List.of(stored.getId())).stream()
                                    .findFirst())
                    .ifPresent(live -> statuses.put(account.key(), live.getStatus()));
        }
        return statuses;
    }

    /**
     * Keys of these discovered accounts that our service user is a member of now, as far as we
     * know: the verifier recorded the membership, and another customer's Pending or Approved
     * integration keeps it watching the account, so the record is at most one check old. A record
     * from before the account stopped being watched is not believed: our user may have been
     * removed since, unseen, so the customer is asked to invite again.
     */
    @Transactional(readOnly = true)
    public java.util.Set<String> withOurMembership(long customerId, List<DiscoveredAccount> discovered) {
        Map<Long, String> keysById = new java.util.LinkedHashMap<>();
        for (DiscoveredAccount account : discovered) {
            find(account)
                    .filter(stored -> stored.getMembership() == Membership.MEMBER)
                    .ifPresent(stored -> keysById.put(stored.getId(), account.key()));
        }
        if (keysById.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        integrations
                .findAccountIdsWatchedForOthers(keysById.keySet(), customerId)
                .forEach(id -> keys.add(keysById.get(id)));
        return keys;
    }

    /** Ids of these accounts that our service user is a member of now, as {@link #withOurMembership} decides. */
    @Transactional(readOnly = true)
    public List<Long> memberAccountIds(long customerId, java.util.Collection<Long> accountIds) {
        java.util.Set<Long> watched =
                java.util.Set.copyOf(integrations.findAccountIdsWatchedForOthers(accountIds, customerId));
        return accounts.findAllById(accountIds).stream()
                .filter(stored -> stored.getMembership() == Membership.MEMBER)
                .map(StoreAccount::getId)
                .filter(watched::contains)
                .toList();
    }

    /** Names of the accounts among these that the customer has a live integration of. */
    @Transactional(readOnly = true)
    public List<String> liveAccountNames(long customerId, java.util.Collection<Long> accountIds) {
        return integrations.findLiveByCustomerAndAccounts(customerId, accountIds).stream()
                .map(integration -> integration.getAccount().getName())
                .toList();
    }

    private Long upsertOne(DiscoveredAccount found) {
        StoreAccount account = find(found)
                .orElseGet(() -> accounts.save(
                        new StoreAccount(found.accountNumber(), found.name(), found.vendorNumbers(), clock.instant())));
        if (found.accountNumber() != null) {
            // The Reporter service names accounts authoritatively.
            account.identify(found.accountNumber(), found.name());
        }
        account.addVendorNumbers(found.vendorNumbers());
        if (found.appsState() == DiscoveredAccount.AppsState.LOADED) {
            Map<String, String> apps = found.apps().stream()
                    .collect(Collectors.toMap(
                            DiscoveredAccount.DiscoveredApp::appleIdentifier,
                            DiscoveredAccount.DiscoveredApp::name,
                            (first, second) -> first));
            account.replaceApps(apps);
        }
        accounts.flush();
        return account.getId();
    }
}
