package com.storemetrics.myintegrations;

import com.storemetrics.integration.HistoryEntry;
import com.storemetrics.integration.IntegrationRow;
import java.util.List;

/** Everything a customer may know about one of their integrations. */
public record IntegrationDetails(IntegrationRow row, String connectedBy, List<HistoryEntry> history) {

    public IntegrationDetails {
        history = List.copyOf(history);
    }
}
