package com.storemetrics.integration;

import com.storemetrics.account.DiscoveredAccount;
import com.storemetrics.account.Membership;
import com.storemetrics.account.StoreAccountCatalog;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What customers' integrations say about accounts, for the connection funnel: which of them a
 * customer has connected already, and which our service user is a member of now because another
 * customer's live integration keeps the verifier watching them. Read-only; callers scope by the
 * customer themselves (the funnel passes the signed-in user's id).
 */
@Component
@Transactional(readOnly = true)
public class AccountLinks {

    private final StoreAccountCatalog catalog;
    private final IntegrationRepository integrations;

    AccountLinks(StoreAccountCatalog catalog, IntegrationRepository integrations) {
        this.catalog = catalog;
        this.integrations = integrations;
    }

    /**
     * The status of the customer's live integration of each discovered account that has one, keyed
     * by {@link DiscoveredAccount#key()}; accounts without one are absent.
     */
    public Map<String, IntegrationStatus> liveStatuses(long customerId, List<DiscoveredAccount> discovered) {
        Map<String, IntegrationStatus> statuses = new LinkedHashMap<>();
        for (DiscoveredAccount account : discovered) {
            catalog.find(account)
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
    public Set<String> withOurMembership(long customerId, List<DiscoveredAccount> discovered) {
        Map<Long, String> keysById = new LinkedHashMap<>();
        for (DiscoveredAccount account : discovered) {
            catalog.find(account)
                    .filter(stored -> stored.getMembership() == Membership.MEMBER)
                    .ifPresent(stored -> keysById.put(stored.getId(), account.key()));
        }
        if (keysById.isEmpty()) {
            return Set.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        integrations
                .findAccountIdsWatchedForOthers(keysById.keySet(), customerId)
                .forEach(id -> keys.add(keysById.get(id)));
        return keys;
    }

    /** Ids of these accounts that our service user is a member of now, as {@link #withOurMembership} decides. */
    public List<Long> memberAccountIds(long customerId, Collection<Long> accountIds) {
        Set<Long> watched = Set.copyOf(integrations.findAccountIdsWatchedForOthers(accountIds, customerId));
        return catalog.recordedMembers(accountIds).stream()
                .filter(watched::contains)
                .toList();
    }

    /** Names of the accounts among these that the customer has a live integration of. */
    public List<String> liveAccountNames(long customerId, Collection<Long> accountIds) {
        return integrations.findLiveByCustomerAndAccounts(customerId, accountIds).stream()
                .map(integration -> integration.getAccount().getName())
                .toList();
    }
}
