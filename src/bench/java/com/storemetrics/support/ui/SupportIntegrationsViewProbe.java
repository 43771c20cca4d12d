package com.storemetrics.support.ui;

import com.storemetrics.support.IntegrationOverview;
import com.vaadin.flow.component.grid.Grid;

/** For harnesses outside this package: what support's open Integrations view shows, without asking the database. */
public final class SupportIntegrationsViewProbe {

    public static final Class<SupportIntegrationsView> VIEW = SupportIntegrationsView.class;

    private SupportIntegrationsViewProbe() {}

    public static Grid<IntegrationOverview> grid(SupportIntegrationsView view) {
        return view.grid;
    }

    /**
     * The top row of the grid as last fetched (the grid's active range, which starts at 0 once the
     * browser asked for the first rows); null when the grid has no rows.
     */
    public static IntegrationOverview firstRow(SupportIntegrationsView view) {
        var rows = view.grid.getDataCommunicator();
        return rows.getItemCount() == 0 ? null : rows.getItem(0);
    }
}
