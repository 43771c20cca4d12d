package com.storemetrics.account;

import java.time.Clock;
import java.util.Collection;
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
    private final TransactionTemplate newTransaction;
    private final Clock clock;

    StoreAccountCatalog(StoreAccountRepository accounts, PlatformTransactionManager transactionManager, Clock clock) {
        this.accounts = accounts;
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
    @Transactional(readOnly = true)
    public Optional<StoreAccount> find(DiscoveredAccount found) {
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

    /** Ids of these accounts that our service user is a member of, as the verifier last recorded it. */
    @Transactional(readOnly = true)
    public List<Long> recordedMembers(Collection<Long> accountIds) {
        return accounts.findAllById(accountIds).stream()
                .filter(stored -> stored.getMembership() == Membership.MEMBER)
                .map(StoreAccount::getId)
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
