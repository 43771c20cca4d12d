package com.storemetrics.myintegrations.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.KaribuTest;
import com.storemetrics.LitCellsProbe;
import com.storemetrics.SandboxControl;
import com.storemetrics.TestClock;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.metrics.MetricsFixture;
import com.storemetrics.metrics.ReportImporter;
import com.storemetrics.payments.PaymentsImporter;
import com.vaadin.flow.component.UI;
import java.time.Duration;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Sales reports: needs the Sales role" on alice's Approved Data Integration row and in its details,
 * as the Sales importer learned it from the sandbox over real HTTP: nothing while Apple answers, the
 * line with what to do once Apple refuses the reports for lack of a role (beside the Finance line
 * when Payments are refused too), gone once the role is back.
 */
class SalesRoleLineTest extends KaribuTest {

    static final String NEEDED = "Sales reports: needs the Sales role. The Account Holder or an Admin gives"
            + " integration@storemetrics.example the Sales role in App Store Connect > Users and Access; we see it"
            + " at the next daily check.";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PaymentsImporter payments;

    @Autowired
    TestClock clock;

    @LocalServerPort
    int port;

    SandboxControl sandbox;
    long pixelForge;

    @BeforeEach
    void alicesPixelForgeIsApprovedWithOurUserAsASalesMember() {
        sandbox = new SandboxControl(port);
        MetricsFixture.serviceUserJoins(sandbox, SandboxControl.PIXEL_FORGE);
        pixelForge =
                MetricsFixture.approved(jdbc, "alice", SandboxControl.PIXEL_FORGE, "Pixel Forge Studio", "85000001");
        login("alice");
    }

    @Test
    void the_row_and_its_details_say_the_sales_role_is_needed_beside_the_finance_role_until_it_is_given_back() {
        ReportImporter importer = MetricsFixture.salesImporter(context, 3);
        MetricsFixture.importUntilIdle(importer);
        assertThat(roleNote()).as("Apple answers: nothing to say").isNull();
        assertThat(detailsSalesReports()).isNull();

        sandbox.changeRoles(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "MARKETING");
        clock.advance(Duration.ofDays(1));
        importer.runBatch();

        assertThat(roleNote()).isEqualTo(NEEDED);
        assertThat(detailsSalesReports()).isEqualTo(NEEDED);

        payments.runBatch();
        assertThat(roleNote())
                .as("Marketing reads no Financial reports either")
                .isEqualTo(NEEDED + " " + PaymentsRoleLineTest.NEEDED);

        sandbox.changeRoles(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "SALES");
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        MetricsFixture.importUntilIdle(importer);

        assertThat(roleNote()).as("Sales alone: Payments still need Finance").isEqualTo(PaymentsRoleLineTest.NEEDED);
        assertThat(detailsSalesReports()).isNull();
    }

    /** The note under alice's Pixel Forge row's badge, as the browser renders it; null when hidden. */
    private String roleNote() {
        UI.getCurrent().navigate("my-account/data-integration");
        DataIntegrationView view = _get(DataIntegrationView.class);
        IntegrationRow row = view.integrations.rows().stream()
                .filter(candidate -> candidate.accountId() == pixelForge)
                .findFirst()
                .orElseThrow();
        Element note = LitCellsProbe.cell(view.grid, "status", row).selectFirst("span.cell-note");
        assertThat(note).isNotNull();
        return note.hasAttr("?hidden") && note.attr("?hidden").equals("true") ? null : note.text();
    }

    private String detailsSalesReports() {
        UI.getCurrent().navigate("my-account/data-integration");
        DataIntegrationView view = _get(DataIntegrationView.class);
        long id = jdbc.queryForObject("SELECT id FROM integration WHERE account_id = ?", Long.class, pixelForge);
        view.openDetails(id);
        IntegrationDetailsDialog details = _get(IntegrationDetailsDialog.class);
        String text = details.salesReports == null ? null : details.salesReports.getText();
        details.close();
        return text;
    }
}
