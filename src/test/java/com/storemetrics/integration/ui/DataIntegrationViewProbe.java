package com.storemetrics.integration.ui;

/** For harnesses outside this package: what the open Data Integration view knows, without asking the database. */
public final class DataIntegrationViewProbe {

    public static final Class<DataIntegrationView> VIEW = DataIntegrationView.class;

    private DataIntegrationViewProbe() {
    }

    public static int knownRows(DataIntegrationView view) {
        return view.knownRows().size();
    }
}
