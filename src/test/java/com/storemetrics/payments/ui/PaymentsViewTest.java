package com.storemetrics.payments.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE;
import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE_VENDOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.storemetrics.KaribuTest;
import com.storemetrics.SandboxControl;
import com.storemetrics.TestClock;
import com.storemetrics.appstore.FinanceReporterClient;
import com.storemetrics.appstore.FinancialReportAnswer;
import com.storemetrics.appstore.ReporterClient;
import com.storemetrics.appstore.VendorRegions;
import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import com.storemetrics.metrics.AccountNotApproved;
import com.storemetrics.metrics.MetricsFixture;
import com.storemetrics.metrics.ui.Figures;
import com.storemetrics.metrics.ui.TopRows;
import com.storemetrics.payments.FinanceRoles;
import com.storemetrics.payments.PaymentsFixture;
import com.storemetrics.payments.PaymentsOverview;
import com.storemetrics.payments.PaymentsOverview.Line;
import com.storemetrics.payments.PaymentsOverview.State;
import com.storemetrics.payments.PaymentsService;
import com.storemetrics.rates.EcbFeed;
import com.storemetrics.rates.RatesFixture;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * The Payments view in Karibu over data the real imports read from the sandbox over HTTP: each
 * settled amount on screen equals the sandbox's Total_Amount to the cent, each estimate the sum of
 * that currency's daily Sales proceeds; every state (role missing, nothing imported, an inconsistent
 * file, no sales, a month not published yet); CSV; and who may see it. Each test imports only the
 * fiscal month and Sales days it reads.
 */
class PaymentsViewTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    FinanceReporterClient finance;

    @Autowired
    ReporterClient reporter;

    @Autowired
    PaymentsService payments;

    @LocalServerPort
    int port;

    SandboxControl sandbox;
    long pixelForge;
    FiscalMonth latest;

    @BeforeEach
    void approvePixelForgeForAlice() {
        sandbox = new SandboxControl(port);
        MetricsFixture.serviceUserJoins(sandbox, PIXEL_FORGE);
        pixelForge = MetricsFixture.approved(jdbc, "alice", PIXEL_FORGE, "Pixel Forge Studio", PIXEL_FORGE_VENDOR);
        latest = PaymentsFixture.latestPublished(clock.instant());
    }

    @Test
    void each_settled_amount_is_the_sandboxs_total_amount_and_each_estimate_the_sum_of_that_currencys_daily_proceeds() {
        giveFinanceRole();
        PaymentsFixture.importMonths(applicationContext, 1);
        MetricsFixture.importSalesDays(
                applicationContext, pixelForge, PIXEL_FORGE, PIXEL_FORGE_VENDOR, latest.start(), latest.end());
        RatesFixture.importFromTheSandbox(applicationContext);
        login("alice");
        PaymentsView view = open();

        Map<String, BigDecimal> totalAmount = new HashMap<>();
        Map<String, Long> totalUnits = new HashMap<>();
        for (VendorRegions.Region region : finance.vendorsAndRegions(SandboxControl.ALICE_TOKEN, PIXEL_FORGE)
                .vendors()
                .get(0)
                .regions()) {
            FinancialReportAnswer file = finance.financialReport(
                    SandboxControl.ALICE_TOKEN, PIXEL_FORGE, PIXEL_FORGE_VENDOR, region.code(), latest);
            if (file.outcome() == FinancialReportAnswer.Outcome.DATA) {
                totalAmount.merge(file.report().currency(), file.report().totalAmount(), BigDecimal::add);
                totalUnits.merge(file.report().currency(), file.report().totalUnits(), Long::sum);
            }
        }
        Map<String, BigDecimal> proceeds = MetricsFixture.fromTheSandbox(
                        reporter,
                        SandboxControl.ALICE_TOKEN,
                        PIXEL_FORGE,
                        PIXEL_FORGE_VENDOR,
                        latest.start(),
                        latest.end())
                .proceedsByCurrency();

        assertThat(view.month.getValue())
                .as("the latest published month by default")
                .isEqualTo(latest);
        List<Line> lines = view.shown();
        assertThat(lines).extracting(Line::currency).containsExactlyInAnyOrderElementsOf(totalAmount.keySet());
        assertThat(GridKt._size(view.grid)).isEqualTo(lines.size());
        for (int row = 0; row < lines.size(); row++) {
            Line line = lines.get(row);
            String currency = line.currency();
            BigDecimal expectedEstimate = proceeds.getOrDefault(currency, BigDecimal.ZERO);
            assertThat(line.state()).isEqualTo(State.SETTLED);
            assertThat(line.settled()).as(currency).isEqualByComparingTo(totalAmount.get(currency));
            assertThat(line.units()).as(currency).isEqualTo(totalUnits.get(currency));
            assertThat(line.estimate()).as(currency).isEqualByComparingTo(expectedEstimate);
            assertThat(line.difference())
                    .as(currency)
                    .isEqualByComparingTo(totalAmount.get(currency).subtract(expectedEstimate));
            assertThat(cell(view, row, "settled")).isEqualTo(PaymentTexts.money(totalAmount.get(currency), currency));
            assertThat(cell(view, row, "estimate")).isEqualTo(PaymentTexts.money(expectedEstimate, currency));
            assertThat(cell(view, row, "difference")).isEqualTo(PaymentTexts.difference(line));
        }
        Line usd = lines.stream()
                .filter(l -> "USD".equals(l.currency()))
                .findFirst()
                .orElseThrow();
        assertThat(usd.difference().signum())
                .as("the sandbox settles the US region's sales of the month's last day a month later")
                .isNotZero();
        assertThat(usd.reasons()).isNotEmpty();
        assertThat(usd.evidence())
                .contains("The next month is not compared yet: what moved into it will show there.")
                .last()
                .isEqualTo("Only the report's rows tell the reasons apart; they are not stored yet.");
        assertThat(text("payments-currency-note")).isEqualTo(PaymentsView.PER_CURRENCY);
        assertThat(text("payments-state"))
                .as("one month of the window of 13 is imported here")
                .isEqualTo("Import under way: 12 of " + 13 * 12
                        + " of Apple's Financial reports of the last published fiscal months are read.");
        assertThat(text("payments-upcoming"))
                .contains(PaymentTexts.fiscalName(latest.next()))
                .contains("Apple is expected to publish its Financial reports by");

        // The month's total in USD, at the sandbox feed's rates of the month's last day (or the last earlier).
        Map.Entry<LocalDate, Map<String, BigDecimal>> rates =
                EcbFeed.history(port).floorEntry(latest.end());
        BigDecimal expectedUsd = BigDecimal.ZERO;
        Set<String> excluded = new TreeSet<>();
        for (Map.Entry<String, BigDecimal> amount : totalAmount.entrySet()) {
            if ("USD".equals(amount.getKey())
                    || "EUR".equals(amount.getKey())
                    || rates.getValue().containsKey(amount.getKey())) {
                expectedUsd = expectedUsd.add(EcbFeed.inUsd(rates.getValue(), amount.getKey(), amount.getValue()));
            } else {
                excluded.add(amount.getKey());
            }
        }
        assertThat(excluded)
                .as("the sandbox sells in SAR, which the ECB does not quote")
                .contains("SAR");
        PaymentsOverview.MonthTotal total = payments.overview(pixelForge).totals().stream()
                .filter(t -> t.month().equals(latest))
                .findFirst()
                .orElseThrow();
        assertThat(total.settled()).isCloseTo(expectedUsd, within(new BigDecimal("0.000001")));
        assertThat(total.excluded()).isEqualTo(excluded);
        assertThat(text("payments-total-FY" + latest.fiscalYear() + "-P" + latest.period()))
                .isEqualTo(PaymentTexts.fiscalName(latest) + ", " + PaymentTexts.days(latest) + ": settled by Apple "
                        + Figures.money(expectedUsd, "USD") + ", Sales estimate "
                        + Figures.money(total.estimate(), "USD") + ", converted at ECB reference rates, "
                        + Figures.DAY.format(rates.getKey()) + ". Not converted (no exchange rate), left out: "
                        + String.join(", ", excluded) + ".");

        String csv = new String(DownloadKt._download(view.export), StandardCharsets.UTF_8);
        assertThat(csv)
                .isEqualTo(PaymentsCsv.of(
                        lines, "Pixel Forge Studio", PaymentTexts.fiscalName(latest), "USD", List.of(total)));
        assertThat(csv).contains("," + usd.settled().setScale(2).toPlainString() + ",");
        assertThat(csv)
                .contains("settled_by_apple_converted_USD")
                .contains("," + expectedUsd.setScale(2, RoundingMode.HALF_UP).toPlainString() + ",")
                .contains("\"ECB reference rates, " + Figures.DAY.format(rates.getKey()) + "\"");
    }

    @Test
    void a_month_not_published_yet_says_when_apple_is_expected_to_publish_it() {
        giveFinanceRole();
        PaymentsFixture.importMonths(applicationContext, 1);
        login("alice");
        PaymentsView view = open();

        view.month.setValue(latest.next());

        assertThat(view.shown()).singleElement().satisfies(line -> {
            assertThat(line.state()).isEqualTo(State.NOT_PUBLISHED);
            assertThat(line.settled()).isNull();
            assertThat(line.status())
                    .endsWith("Apple is expected to publish its Financial reports by "
                            + DateTimeFormatter.ofPattern("EEE, MMM d, yyyy", Locale.US)
                                    .format(latest.next().expectedPublication())
                            + ".");
        });
        assertThat(cell(view, 0, "settled")).isEqualTo(PaymentTexts.NONE);

        view.month.setValue(null);
        List<Line> all = view.shown();
        assertThat(all.get(0).month().start()).as("newest month first").isAfter(latest.end());
        assertThat(all).hasSizeGreaterThan(TopRows.TOP);
        assertThat(GridKt._size(view.grid)).isEqualTo(TopRows.TOP);
        assertThat(view.more.isVisible()).isTrue();
        String csv = new String(DownloadKt._download(view.export), StandardCharsets.UTF_8);
        assertThat(csv.lines().count())
                .as("the CSV has every line: title, note, blank, header and the lines; blank, header and each"
                        + " month's converted totals")
                .isEqualTo(4
                        + all.size()
                        + 2
                        + payments.overview(pixelForge).totals().size());
    }

    @Test
    void the_sales_estimate_waits_for_every_day_of_the_month_and_says_how_many_are_in() {
        giveFinanceRole();
        PaymentsFixture.importMonths(applicationContext, 1);
        MetricsFixture.importSalesDays(
                applicationContext,
                pixelForge,
                PIXEL_FORGE,
                PIXEL_FORGE_VENDOR,
                latest.start(),
                latest.start().plusDays(2));
        login("alice");
        PaymentsView view = open();

        int days = latest.weeks() * 7;
        assertThat(view.shown()).isNotEmpty().allSatisfy(line -> {
            assertThat(line.settled()).isNotNull();
            assertThat(line.estimate()).isNull();
            assertThat(line.difference()).isNull();
            assertThat(line.status())
                    .isEqualTo("Sales estimate not ready: the daily Sales reports of 3 of the " + days
                            + " days are imported so far.");
        });
        assertThat(cell(view, 0, "estimate")).isEqualTo(PaymentTexts.NONE);
    }

    @Test
    void without_the_finance_role_the_page_says_what_to_do_and_shows_no_table() {
        PaymentsFixture.importMonths(applicationContext, 1);
        login("alice");
        PaymentsView view = open();

        assertThat(text("payments-state"))
                .startsWith(FinanceRoles.neededLine(SandboxControl.SERVICE_APPLE_ID))
                .contains("Apple refuses our Financial reports of this account since");
        assertThat(view.content.isVisible()).isFalse();
        assertThat(view.month.isVisible()).isFalse();
    }

    @Test
    void a_customer_who_chose_the_sales_reports_only_reads_that_payments_are_not_set_up_and_how_to_add_them() {
        jdbc.update("UPDATE integration SET data_wanted = 'SALES' WHERE account_id = ?", pixelForge);
        PaymentsFixture.importMonths(applicationContext, 1);
        login("alice");
        PaymentsView view = open();

        assertThat(text("payments-state"))
                .startsWith(FinanceRoles.notAskedLine(SandboxControl.SERVICE_APPLE_ID))
                .doesNotContain(FinanceRoles.NEEDED)
                .contains("refused to our Apple ID since");
        assertThat(view.content.isVisible()).isFalse();
    }

    @Test
    void before_the_first_import_the_page_says_the_import_is_under_way() {
        login("alice");
        PaymentsView view = open();

        assertThat(text("payments-state"))
                .isEqualTo("Import under way: the payments import has not asked Apple for this account's Financial"
                        + " reports yet. It runs every "
                        + payments.importInterval().toMinutes()
                        + " minutes; the newest months come first.");
        assertThat(view.content.isVisible()).isFalse();
    }

    @Test
    void when_asking_apple_about_the_account_fails_the_page_says_so_and_keeps_what_was_known() {
        giveFinanceRole();
        sandbox.fault("GARBAGE", 1, null);
        PaymentsFixture.importMonths(applicationContext, 1);
        login("alice");
        PaymentsView view = open();

        assertThat(text("payments-state"))
                .startsWith("Apple could not be asked about this account's Financial reports at the last check (")
                .endsWith("); it is asked again soon. What was read before is shown.");
        assertThat(view.shown())
                .as("nothing was read before: only the months Apple has not published")
                .allSatisfy(line -> assertThat(line.state()).isEqualTo(State.NOT_PUBLISHED));
    }

    @Test
    void an_inconsistent_file_shows_apples_words_and_no_numbers_while_the_other_currencies_show_theirs() {
        giveFinanceRole();
        sandbox.fault("INCONSISTENT_TRAILER", 1, null);
        PaymentsFixture.importMonths(applicationContext, 1);
        login("alice");
        PaymentsView view = open();

        List<Line> lines = view.shown();
        assertThat(lines)
                .filteredOn(line -> line.state() == State.FAILED)
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.status()).startsWith("Apple's file is inconsistent");
                    assertThat(line.settled()).isNull();
                    assertThat(line.units()).isNull();
                    assertThat(line.estimate()).isNull();
                    int row = lines.indexOf(line);
                    assertThat(cell(view, row, "settled")).isEqualTo(PaymentTexts.NONE);
                    assertThat(cell(view, row, "difference")).isEqualTo(PaymentTexts.NONE);
                });
        assertThat(lines).filteredOn(line -> line.state() == State.SETTLED).hasSize(11);
        assertThat(text("payments-state")).startsWith("Import under way: 11 of " + 13 * 12 + " ");
    }

    @Test
    void a_region_without_sales_is_a_real_zero() {
        giveFinanceRole();
        PaymentsFixture.importMonths(applicationContext, 1);
        // Apple lists Norway for the vendor too; the sandbox answers "no sales" for it over HTTP.
        PaymentsFixture.listRegion(jdbc, pixelForge, PIXEL_FORGE_VENDOR, "NO");
        PaymentsFixture.importMonths(applicationContext, 1);
        login("alice");
        PaymentsView view = open();

        List<Line> lines = view.shown();
        Line norway = lines.stream()
                .filter(l -> "NOK".equals(l.currency()))
                .findFirst()
                .orElseThrow();
        assertThat(norway.state()).isEqualTo(State.NO_SALES);
        assertThat(norway.settled()).isEqualByComparingTo("0");
        assertThat(norway.units()).isZero();
        assertThat(norway.status()).startsWith("No sales: Apple settled nothing in NO.");
        assertThat(cell(view, lines.indexOf(norway), "settled")).isEqualTo("0.00 NOK");
    }

    @Test
    void a_customer_sees_only_accounts_of_theirs_and_support_cannot_open_payments() {
        giveFinanceRole();
        login("bob");
        open();
        assertThat(text("payments-empty")).contains("once an App Store Connect account of yours is Approved");
        assertThat(_get(Anchor.class, spec -> spec.withId("to-data-integration"))
                        .getHref())
                .isEqualTo("my-account/data-integration");
        assertThatThrownBy(() -> payments.overview(pixelForge)).isInstanceOf(AccountNotApproved.class);

        login("carol");
        // The route itself is denied to support in AuthorizationMatrixTest.
        assertThatThrownBy(() -> payments.overview(pixelForge)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> payments.myAccounts()).isInstanceOf(AccessDeniedException.class);
    }

    private void giveFinanceRole() {
        sandbox.changeRoles(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "SALES", "FINANCE");
    }

    private static PaymentsView open() {
        UI.getCurrent().navigate(PaymentsView.class);
        return _get(PaymentsView.class);
    }

    private static String cell(PaymentsView view, int row, String key) {
        return view.grid.getColumnByKey(key).getRenderer() == null
                ? null
                : GridKt._getFormattedRow(view.grid, row)
                        .get(view.grid.getColumns().indexOf(view.grid.getColumnByKey(key)));
    }

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getText();
    }
}
