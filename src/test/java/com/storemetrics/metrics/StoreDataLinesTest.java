package com.storemetrics.metrics;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE;
import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE_VENDOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.KaribuTest;
import com.storemetrics.LitCellsProbe;
import com.storemetrics.SandboxControl;
import com.storemetrics.SignIn;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.support.SupportService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far an account's sales data reaches, where customers and support look first: under an
 * Approved row's badge on Data Integration, and in support's integration details.
 */
class StoreDataLinesTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    /** Sales reports only: the data line speaks of sales (MetricsFixture.salesImporter). */
    ReportImporter importer;

    @Autowired
    SupportService support;

    @LocalServerPort
    int port;

    SandboxControl sandbox;
    long pixelForge;

    @BeforeEach
    void approvePixelForgeForAlice() {
        importer = MetricsFixture.salesImporter(applicationContext);
        sandbox = new SandboxControl(port);
        MetricsFixture.serviceUserJoins(sandbox, PIXEL_FORGE);
        pixelForge = MetricsFixture.approved(jdbc, "alice", PIXEL_FORGE, "Pixel Forge Studio", PIXEL_FORGE_VENDOR);
    }

    @Test
    void an_approved_row_says_the_import_is_starting_then_how_far_the_history_came_then_the_newest_day() {
        login("alice");
        assertThat(approvedRowDetail()).isEqualTo("Sales import starting");

        importer.runBatch();
        int days = publishedDays();
        assertThat(days).isPositive().isLessThan(364);
        assertThat(approvedRowDetail())
                .isEqualTo("Importing sales history: " + days + " of 365 days · data up to "
                        + MetricsDataLines.DAY.format(newestDay()));

        MetricsFixture.importUntilIdle(importer);
        assertThat(approvedRowDetail()).isEqualTo("Data up to " + MetricsDataLines.DAY.format(newestDay()));
    }

    @Test
    void support_reads_the_accounts_import_state_and_its_last_failure_without_any_credential() {
        long integration =
                jdbc.queryForObject("SELECT id FROM integration WHERE account_id = ?", Long.class, pixelForge);
        assertThat(SignIn.as(
                        applicationContext,
                        "carol",
                        () -> support.openDetails(integration).storeData()))
                .isEqualTo("Sales import: not started (it starts with the account's first approval) · no day imported"
                        + " yet · no failure");

        importer.runBatch();
        jdbc.update(
                "UPDATE metrics_account_import SET last_failure_kind = 'RATE_LIMITED', last_failure_message ="
                        + " 'Apple answered 429', last_failure_at = ?, consecutive_failures = 2 WHERE account_id = ?",
                java.time.OffsetDateTime.parse("2026-12-01T10:00:00Z"),
                pixelForge);

        String state = SignIn.as(
                applicationContext,
                "carol",
                () -> support.openDetails(integration).storeData());
        assertThat(state)
                .startsWith("Sales import: running · last day imported " + MetricsDataLines.DAY.format(newestDay())
                        + ", " + publishedDays() + " of 365 days of history")
                .endsWith(
                        "last failure RATE_LIMITED: Apple answered 429 at 1 Dec 2026, 10:00 UTC (2 in a row, retrying)");
    }

    /** The detail under the badge of alice's Approved row, as the browser renders the cell. */
    @SuppressWarnings("unchecked")
    private static String approvedRowDetail() {
        UI.getCurrent().navigate("my-account/data-integration");
        Grid<IntegrationRow> grid = _get(Grid.class, spec -> spec.withId("integrations-grid"));
        IntegrationRow row = grid.getGenericDataView().getItems().findFirst().orElseThrow();
        return LitCellsProbe.cell(grid, "status", row).select("span").get(1).text();
    }

    private int publishedDays() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM metrics_day_import WHERE account_id = ? AND report = 'SALES'"
                        + " AND status IN ('DATA', 'NO_SALES')",
                Integer.class,
                pixelForge);
    }

    private LocalDate newestDay() {
        return jdbc.queryForObject(
                "SELECT MAX(report_date) FROM metrics_day_import WHERE account_id = ? AND report = 'SALES'"
                        + " AND status IN ('DATA', 'NO_SALES')",
                LocalDate.class,
                pixelForge);
    }
}
