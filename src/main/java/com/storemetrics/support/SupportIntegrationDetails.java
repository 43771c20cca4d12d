package com.storemetrics.support;

import com.storemetrics.integration.AccountPicture;
import com.storemetrics.integration.HistoryEntry;
import com.storemetrics.integration.IntegrationOverview;

import java.util.List;

/**
 * Everything support sees about one integration: the row, its full history (oldest first), the
 * account's shared picture, and who of support opened these details when (newest first, this
 * opening included).
 */
public record SupportIntegrationDetails(IntegrationOverview integration, List<HistoryEntry> history,
        AccountPicture account, List<SupportOpening> openings) {

    public SupportIntegrationDetails {
        history = List.copyOf(history);
        openings = List.copyOf(openings);
    }
}
