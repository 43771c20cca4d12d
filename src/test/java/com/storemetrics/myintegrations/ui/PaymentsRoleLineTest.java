package com.storemetrics.myintegrations.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.KaribuTest;
import com.storemetrics.LitCellsProbe;
import com.storemetrics.SandboxControl;
import com.storemetrics.TestClock;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.metrics.MetricsFixture;
import com.storemetrics.payments.PaymentsImporter;
import com.storemetrics.support.SupportTestData;
import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.time.Instant;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Payments: needs the Finance role" on alice's Approved Data Integration row and in its details, as
 * the payments importer learned it from the sandbox over real HTTP: nothing while unknown, the line
 * with what to do once Apple refused the Financial reports, gone once the role is there.
 */
class PaymentsRoleLineTest extends KaribuTest {

    static final String NEEDED = "Payments: needs the Finance role. The Account Holder or an Admin gives"
            + " integration@storemetrics.example the Finance role in App Store Connect > Users and Access; we see it"
            + " at the next daily check.";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PaymentsImporter importer;

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
    void nothing_is_said_while_unknown_then_the_refused_role_and_what_to_do_until_the_role_is_given() {
        assertThat(paymentsNote()).as("never asked: unknown, nothing shown").isNull();
        assertThat(detailsPayments()).isNull();

        importer.runBatch();

        assertThat(paymentsNote()).isEqualTo(NEEDED);
        assertThat(detailsPayments()).isEqualTo(NEEDED);

        sandbox.changeRoles(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "SALES", "FINANCE");
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        importer.runBatch();

        assertThat(paymentsNote()).as("the role is there").isNull();
        assertThat(detailsPayments()).isNull();
    }

    @Test
    void a_customer_who_chose_the_sales_reports_only_reads_an_option_with_how_to_take_it_not_a_problem() {
        jdbc.update("UPDATE integration SET data_wanted = 'SALES' WHERE account_id = ?", pixelForge);

        importer.runBatch();

        String notAsked = "Payments: not set up, as you chose the Sales reports only. To see what Apple pays you,"
                + " the Account Holder or an Admin gives integration@storemetrics.example the Finance role in App Store"
                + " Connect > Users and Access; we see it at the next daily check.";
        assertThat(paymentsNote()).isEqualTo(notAsked);
        assertThat(detailsPayments()).isEqualTo(notAsked);
    }

    @Test
    void a_failing_check_says_nothing_and_a_pending_row_of_a_refused_account_says_nothing() {
        sandbox.fault("GARBAGE", null, null);
        importer.runBatch();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM payments_account WHERE account_id = ? AND finance_permitted IS NULL",
                        Integer.class,
                        pixelForge))
                .isOne();
        assertThat(paymentsNote()).as("asking failed: still unknown").isNull();

        sandbox.clearFaults();
        jdbc.update(
                "UPDATE payments_account SET finance_permitted = FALSE, refused_since = checked_at WHERE account_id = ?",
                pixelForge);
        jdbc.update("UPDATE integration SET status = 'PENDING' WHERE account_id = ?", pixelForge);
        SupportTestData.integration(
                jdbc,
                SupportTestData.userId(jdbc, "alice"),
                SupportTestData.account(jdbc, "100009", "Other Account", "85000009"),
                IntegrationStatus.APPROVED,
                null,
                Instant.now());

        UI.getCurrent().navigate("my-account/data-integration");
        DataIntegrationView view = _get(DataIntegrationView.class);
        for (IntegrationRow row : view.integrations.rows()) {
            assertThat(note(view, row)).as(row.accountName()).isNull();
        }
    }

    /** The note under alice's Pixel Forge row's badge, as the browser renders it; null when hidden. */
    private String paymentsNote() {
        UI.getCurrent().navigate("my-account/data-integration");
        DataIntegrationView view = _get(DataIntegrationView.class);
        IntegrationRow row = view.integrations.rows().stream()
                .filter(candidate -> candidate.accountId() == pixelForge)
                .findFirst()
                .orElseThrow();
        return note(view, row);
    }

    private static String note(DataIntegrationView view, IntegrationRow row) {
        Element note = LitCellsProbe.cell(view.grid, "status", row).selectFirst("span.cell-note");
        assertThat(note).isNotNull();
        return note.hasAttr("?hidden") && note.attr("?hidden").equals("true") ? null : note.text();
    }

    private String detailsPayments() {
        UI.getCurrent().navigate("my-account/data-integration");
        DataIntegrationView view = _get(DataIntegrationView.class);
        long id = jdbc.queryForObject("SELECT id FROM integration WHERE account_id = ?", Long.class, pixelForge);
        view.openDetails(id);
        IntegrationDetailsDialog details = _get(IntegrationDetailsDialog.class);
        String text = details.payments == null ? null : details.payments.getText();
        details.close();
        return text;
    }
}
