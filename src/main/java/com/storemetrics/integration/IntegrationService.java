package com.storemetrics.integration;

import com.storemetrics.security.CurrentUser;
import com.storemetrics.security.Roles;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in customer's integrations. Every query is scoped to the caller. */
@Service
@PreAuthorize("hasRole('" + Roles.CUSTOMER + "')")
public class IntegrationService {

    private final IntegrationRepository integrations;
    private final CurrentUser currentUser;

    IntegrationService(IntegrationRepository integrations, CurrentUser currentUser) {
        this.integrations = integrations;
        this.currentUser = currentUser;
    }

    /** The caller's live integrations (not removed), newest first. */
    @Transactional(readOnly = true)
    public List<IntegrationRow> myIntegrations() {
        return integrations.findLiveByCustomer(currentUser.require().userId()).stream()
                .map(IntegrationRow::of)
                .toList();
    }
}
