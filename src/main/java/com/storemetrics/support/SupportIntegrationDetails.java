package com.storemetrics.support;

import com.storemetrics.integration.HistoryEntry;
import java.util.List;

/**
 * Everything support sees about one integration: the row, its full history (oldest first), the
 * account's shared picture, and who of support opened these details when (newest first, this
 * opening included), and the account's sales import state ({@code storeData}; null without the
 * metrics feature), and {@code payments}: "Payments: needs the Finance role" with what to do and since
 * when, while Apple refuses our service Apple ID the account's Financial reports (null otherwise,
 * also while unknown).
 */
public record SupportIntegrationDetails(
        IntegrationOverview integration,
        List<HistoryEntry> history,
        AccountPicture account,
        List<SupportOpening> openings,
        String storeData,
        String payments) {

    public SupportIntegrationDetails {
        history = List.copyOf(history);
        openings = List.copyOf(openings);
    }
}
