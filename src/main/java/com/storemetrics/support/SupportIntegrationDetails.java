package com.storemetrics.support;

import com.storemetrics.integration.HistoryEntry;
import java.util.List;

/**
 * Everything support sees about one integration: the row, its full history (oldest first), the
 * account's shared picture, and who of support opened these details when (newest first, this
 * opening included), and the account's sales import state ({@code storeData}; null without the
 * metrics feature).
 */
public record SupportIntegrationDetails(
        IntegrationOverview integration,
        List<HistoryEntry> history,
        AccountPicture account,
        List<SupportOpening> openings,
        String storeData) {

    public SupportIntegrationDetails {
        history = List.copyOf(history);
        openings = List.copyOf(openings);
    }
}
