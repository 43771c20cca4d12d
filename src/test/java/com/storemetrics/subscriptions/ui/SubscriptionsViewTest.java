package com.storemetrics.subscriptions.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE;
import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE_VENDOR;
import static com.storemetrics.subscriptions.SubscriptionsFixture.PACIFIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.github.mvysny.fakeservlet.FakeResponse;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.storemetrics.KaribuTest;
import com.storemetrics.SandboxControl;
import com.storemetrics.TestClock;
import com.storemetrics.appstore.ReporterClient;
import com.storemetrics.appstore.SubscriptionEventRow;
import com.storemetrics.appstore.SubscriptionEventType;
import com.storemetrics.appstore.SubscriptionOfferType;
import com.storemetrics.appstore.SubscriptionRow;
import com.storemetrics.metrics.MetricsFixture;
import com.storemetrics.metrics.MetricsService;
import com.storemetrics.metrics.Period;
import com.storemetrics.metrics.ReportImporter;
import com.storemetrics.metrics.ui.CsvDownloadProbe;
import com.storemetrics.metrics.ui.Figures;
import com.storemetrics.metrics.ui.TopRows;
import com.storemetrics.myintegrations.IntegrationService;
import com.storemetrics.rates.EcbFeed;
import com.storemetrics.rates.RatesFixture;
import com.storemetrics.subscriptions.SubscriptionChoice;
import com.storemetrics.subscriptions.SubscriptionDashboard;
import com.storemetrics.subscriptions.SubscriptionService;
import com.storemetrics.subscriptions.SubscriptionsFixture;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * The Subscriptions view in Karibu against the real context: its figures compared with the sandbox's
 * reports read here with our client and added up independently (the definitions of
 * docs/subscriptions.md written out again), its filters, chart text, CSV, live progress and isolation.
 */
class SubscriptionsViewTest extends KaribuTest {

    private static final Set<SubscriptionEventType> ACTIVATIONS = Set.of(
            SubscriptionEventType.START_INTRODUCTORY_OFFER,
            SubscriptionEventType.START_PROMOTIONAL_OFFER,
            SubscriptionEventType.START_OFFER_CODE,
            SubscriptionEventType.SUBSCRIBE);
    private static final Set<SubscriptionEventType> ENDINGS = Set.of(
            SubscriptionEventType.CANCELED_FROM_BILLING_RETRY,
            SubscriptionEventType.CANCELED_FROM_BILLING_GRACE_PERIOD,
            SubscriptionEventType.CANCELED_AFTER_RENEWAL_EXTENSION);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReporterClient reporter;

    @Autowired
    SubscriptionService subscriptions;

    @Autowired
    TestClock clock;

    @LocalServerPort
    int port;

    ReportImporter importer;
    long pixelForge;

    @Autowired
    IntegrationService integrations;

    @BeforeEach
    void approvePixelForgeForAlice() {
        // Ten weeks cover the default period, the one before it and Apple's lag; the test of the
        // year's progress makes its own importer.
        importer = SubscriptionsFixture.subscriptionImporter(applicationContext, 70);
        MetricsFixture.serviceUserJoins(new SandboxControl(port), PIXEL_FORGE);
        pixelForge = MetricsFixture.approved(jdbc, "alice", PIXEL_FORGE, "Pixel Forge Studio", PIXEL_FORGE_VENDOR);
    }

    @Test
    void the_cards_show_the_latest_published_days_counts_and_the_periods_events_as_the_sandbox_reports_them() {
        MetricsFixture.importUntilIdle(importer);
        login("alice");
        SubscriptionsView view = open();

        LocalDate newest = SubscriptionsFixture.newestPublished(clock);
        List<SubscriptionRow> rows = reporter.dailySubscriptions(
                        SandboxControl.ALICE_TOKEN, PIXEL_FORGE, PIXEL_FORGE_VENDOR, newest)
                .report()
                .rows();
        assertThat(view.period.getValue()).isEqualTo(Period.LAST_30_DAYS);
        assertThat(text("card-active-paid-value"))
                .isEqualTo(Figures.count(rows.stream()
                        .mapToLong(row -> row.counts().activePaid())
                        .sum()));
        assertThat(text("card-free-trials-value"))
                .isEqualTo(Figures.count(rows.stream()
                        .mapToLong(row -> row.counts().activeFreeTrials())
                        .sum()));
        assertThat(text("card-at-risk-value"))
                .isEqualTo(Figures.count(
                        rows.stream().mapToLong(row -> row.counts().atRisk()).sum()));
        assertThat(text("card-active-paid-change")).startsWith("on " + Figures.DAY.format(newest) + " · ");

        long activations = 0;
        long cancellations = 0;
        LocalDate last = SubscriptionsFixture.newestPublished(clock);
        for (LocalDate day = lastReportDay().minusDays(29); !day.isAfter(last); day = day.plusDays(1)) {
            for (SubscriptionEventRow event : reporter.dailySubscriptionEvents(
                            SandboxControl.ALICE_TOKEN, PIXEL_FORGE, PIXEL_FORGE_VENDOR, day)
                    .report()
                    .rows()) {
                activations += ACTIVATIONS.contains(event.type()) ? event.quantity() : 0;
                boolean paidCancel = event.type() == SubscriptionEventType.CANCEL
                        && event.offerType() != SubscriptionOfferType.FREE_TRIAL;
                cancellations += paidCancel || ENDINGS.contains(event.type()) ? event.quantity() : 0;
            }
        }
        assertThat(text("card-new-value")).isEqualTo(Figures.count(activations));
        assertThat(text("card-cancellations-value")).isEqualTo(Figures.count(cancellations));
        assertThat(activations).isPositive();
        assertThat(text("freshness"))
                .isEqualTo("Apple has published up to " + Figures.DAY.format(newest)
                        + (newest.equals(lastReportDay()) ? "." : ". 1 day(s) of this period are not reported yet."));
        assertThat(view.figures.reasons.shown()).isNotEmpty();
        assertThat(view.figures.reasons.shown().stream()
                        .mapToLong(ReasonTable.Reason::count)
                        .sum())
                .isEqualTo(cancellations);
        assertThat(view.figures.reasons.getElement().getChild(1).getChildCount())
                .as("one table row per reason")
                .isEqualTo(view.figures.reasons.shown().size());
    }

    @Test
    void mrr_per_currency_is_active_paid_times_proceeds_times_the_durations_monthly_factor() {
        MetricsFixture.importUntilIdle(importer);
        login("alice");
        SubscriptionsView view = open();
        SubscriptionDashboard shown = view.shown();
        SubscriptionDashboard.Line top = shown.byProduct().get(0);

        LocalDate newest = SubscriptionsFixture.newestPublished(clock);
        BigDecimal usd = BigDecimal.ZERO;
        for (SubscriptionRow row : reporter.dailySubscriptions(
                        SandboxControl.ALICE_TOKEN, PIXEL_FORGE, PIXEL_FORGE_VENDOR, newest)
                .report()
                .rows()) {
            if (row.subscriptionAppleId().equals(top.key())
                    && row.developerProceeds().currency().equals("USD")) {
                BigDecimal perMonth = switch (row.standardSubscriptionDuration()) {
                    case "1 Month" -> BigDecimal.ONE;
                    case "1 Year" -> BigDecimal.ONE.divide(BigDecimal.valueOf(12), MathContext.DECIMAL64);
                    default -> new BigDecimal("30.4375").divide(BigDecimal.valueOf(7), MathContext.DECIMAL64);
                };
                usd = usd.add(row.developerProceeds()
                        .amount()
                        .multiply(BigDecimal.valueOf(row.counts().activePaid()))
                        .multiply(perMonth));
            }
        }
        assertThat(usd).isPositive();
        assertThat(top.mrrPerCurrency())
                .contains(usd.setScale(2, RoundingMode.HALF_UP).toPlainString() + " USD");
        assertThat(text("card-mrr-value")).endsWith(" USD");
        assertThat(_get(Span.class, spec -> spec.withId("card-mrr-definition")).getText())
                .contains("active paid subscriptions x Developer Proceeds per subscription");
    }

    @Test
    void choosing_an_app_a_group_or_a_subscription_narrows_every_figure_to_it() {
        MetricsFixture.importUntilIdle(importer);
        login("alice");
        SubscriptionsView view = open();
        long all = view.shown().current().activePaid();
        SubscriptionChoice app = view.choice
                .getListDataView()
                .getItems()
                .filter(choice -> choice.kind() == SubscriptionChoice.Kind.APP
                        && choice.label().equals("App: Pixel Quest"))
                .findFirst()
                .orElseThrow();

        view.choice.setValue(app);

        List<SubscriptionRow> rows = reporter.dailySubscriptions(
                        SandboxControl.ALICE_TOKEN,
                        PIXEL_FORGE,
                        PIXEL_FORGE_VENDOR,
                        SubscriptionsFixture.newestPublished(clock))
                .report()
                .rows();
        long pixelQuest = rows.stream()
                .filter(row -> row.appName().equals("Pixel Quest"))
                .mapToLong(row -> row.counts().activePaid())
                .sum();
        assertThat(view.shown().current().activePaid()).isEqualTo(pixelQuest).isLessThan(all);
        assertThat(view.shown().byProduct())
                .extracting(SubscriptionDashboard.Line::label)
                .allMatch(label -> label.startsWith("Pixel Quest"));
        view.choice.setValue(view.choice
                .getListDataView()
                .getItems()
                .filter(choice -> choice.kind() == SubscriptionChoice.Kind.SUBSCRIPTION
                        && choice.label().equals("Pixel Quest Premium"))
                .findFirst()
                .orElseThrow());
        assertThat(view.shown().byProduct())
                .extracting(SubscriptionDashboard.Line::label)
                .containsExactly("Pixel Quest Premium");
        view.period.setValue(Period.LAST_12_MONTHS);
        assertThat(view.shown().weekly()).isTrue();
        assertThat(view.shown().series()).hasSize(53);
    }

    @Test
    void the_country_table_shows_the_top_ten_until_all_are_asked_for() {
        MetricsFixture.importUntilIdle(importer);
        login("alice");
        SubscriptionsView view = open();
        List<String> countries = view.shown().byCountry().stream()
                .map(SubscriptionDashboard.Line::key)
                .toList();
        assertThat(countries)
                .as("Pixel Forge has subscribers in more than ten countries")
                .hasSizeGreaterThan(TopRows.TOP);
        Button toggle = _get(view.figures.moreCountries, Button.class);

        assertThat(keys(view.figures.byCountry)).containsExactlyElementsOf(countries.subList(0, TopRows.TOP));
        assertThat(toggle.getText()).isEqualTo("Show all " + countries.size() + " countries");
        ButtonKt._click(toggle);
        assertThat(keys(view.figures.byCountry)).containsExactlyElementsOf(countries);
        assertThat(_get(view.figures.moreCountries, Span.class).getText())
                .isEqualTo("All " + countries.size() + " countries, most active paid first.");
        ButtonKt._click(toggle);
        assertThat(keys(view.figures.byCountry)).containsExactlyElementsOf(countries.subList(0, TopRows.TOP));
    }

    private static List<String> keys(SubscriptionGrid grid) {
        return grid.getListDataView()
                .getItems()
                .map(SubscriptionDashboard.Line::key)
                .toList();
    }

    @Test
    void a_day_apple_has_not_published_is_not_reported_in_the_chart_never_zero() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(PACIFIC));
        ZonedDateTime fourAm = now.toLocalDate().atTime(4, 0).atZone(PACIFIC);
        clock.advance(Duration.between(now, fourAm.isAfter(now) ? fourAm : fourAm.plusDays(1)));
        MetricsFixture.importUntilIdle(importer);
        login("alice");
        SubscriptionsView view = open();

        SubscriptionDashboard.Point last =
                view.shown().series().get(view.shown().series().size() - 1);
        assertThat(last.start()).isEqualTo(lastReportDay());
        assertThat(last.reported()).isFalse();
        assertThat(view.figures.chart.text.getText())
                .startsWith("Chart of active paid subscriptions and free trials, per day: ")
                .endsWith(Figures.DAY.format(lastReportDay()) + ": not reported yet;");
        assertThat(text("card-active-paid-change"))
                .startsWith("on " + Figures.DAY.format(lastReportDay().minusDays(1)));
        assertThat(text("freshness")).contains("1 day(s) of this period are not reported yet");
    }

    @Test
    void mrr_is_estimated_at_the_report_days_reference_rates_and_the_page_and_csv_name_them() {
        MetricsFixture.importUntilIdle(importer);
        login("alice");
        SubscriptionsView view = open();
        assertThat(text("subscription-note"))
                .contains("at the report day's exchange rates: the shipped table of Oct 31, 2025, because no"
                        + " reference rates are imported yet.");

        RatesFixture.importFromTheSandbox(applicationContext);
        view.period.setValue(Period.LAST_7_DAYS);
        SubscriptionDashboard shown = view.shown();
        LocalDate day = shown.current().day();
        Map.Entry<LocalDate, Map<String, BigDecimal>> rates =
                EcbFeed.history(port).floorEntry(day);
        BigDecimal expected = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> mrr :
                shown.current().mrr().perCurrency().entrySet()) {
            if (!"SAR".equals(mrr.getKey())) {
                expected = expected.add(EcbFeed.inUsd(rates.getValue(), mrr.getKey(), mrr.getValue()));
            }
        }
        assertThat(expected).isPositive();
        assertThat(shown.current().mrr().estimated()).isCloseTo(expected, within(new BigDecimal("0.0001")));
        String named = "ECB reference rates, " + Figures.DAY.format(rates.getKey());
        assertThat(text("subscription-note")).contains("at the report day's exchange rates: " + named);
        assertThat(new String(DownloadKt._download(view.export), StandardCharsets.UTF_8))
                .contains("MRR estimated in USD at the report day's exchange rates")
                .contains(named);
    }

    @Test
    void the_csv_is_what_is_shown() {
        MetricsFixture.importUntilIdle(importer);
        login("alice");
        SubscriptionsView view = open();
        view.period.setValue(Period.LAST_7_DAYS);

        String csv = new String(DownloadKt._download(view.export), StandardCharsets.UTF_8);

        assertThat(csv).isEqualTo(SubscriptionsCsv.of(view.shown(), "Pixel Forge Studio", "All subscriptions"));
        assertThat(csv)
                .startsWith("Subscriptions,Pixel Forge Studio,All subscriptions,"
                        + lastReportDay().minusDays(6) + "," + lastReportDay() + "\n");
        assertThat(csv).contains("\nactive paid," + view.shown().current().activePaid() + ",");
    }

    @Test
    void the_csv_of_an_account_whose_integration_was_removed_answers_404_no_longer_available_and_the_page_updates() {
        MetricsFixture.importUntilIdle(importer);
        login("alice");
        SubscriptionsView view = open();
        integrations.remove(jdbc.queryForObject(
                "SELECT i.id FROM integration i JOIN app_user u ON u.id = i.customer_id"
                        + " WHERE u.username = 'alice' AND i.account_id = ? AND i.status = 'APPROVED'",
                Long.class,
                pixelForge));

        FakeResponse answer = CsvDownloadProbe.press(view.export);

        assertThat(answer.getStatus()).isEqualTo(404);
        assertThat(answer.getBuffer().toString(StandardCharsets.UTF_8))
                .isEqualTo(SubscriptionsView.CSV_NO_LONGER_AVAILABLE);
        MockVaadin.clientRoundtrip();
        assertThat(NotificationsKt.getNotifications())
                .anySatisfy(notification -> assertThat(notification.getElement().getProperty("text", ""))
                        .isEqualTo("Pixel Forge Studio is no longer available: its App Store Connect integration "
                                + "was removed."));
    }

    @Test
    void during_the_back_fill_the_progress_and_new_days_arrive_live() {
        login("alice");
        SubscriptionsView view = open();
        assertThat(text("import-progress-text")).isEqualTo("Importing subscription history: 0 of 364 days");

        ReportImporter wholeYear = SubscriptionsFixture.subscriptionImporter(applicationContext);
        onBackgroundThread(wholeYear::runBatch);
        int done = jdbc.queryForObject(
                "SELECT COUNT(*) FROM metrics_day_import WHERE account_id = ? AND report = 'SUBSCRIPTIONS'"
                        + " AND status IN ('DATA', 'NO_SALES')",
                Integer.class,
                pixelForge);
        awaitUntilOffTheTestThread(
                "the progress shows the first batch",
                () -> text("import-progress-text").equals("Importing subscription history: " + done + " of 364 days"));

        assertThat(done).isBetween(9, 10);
        assertThat(view.shown().current().activePaid()).isPositive();
        assertThat(text("card-active-paid-value"))
                .isEqualTo(Figures.count(view.shown().current().activePaid()));
    }

    @Test
    void bob_sees_only_accounts_he_has_an_approved_integration_of_and_cannot_ask_for_others() {
        long aliceMartin = MetricsFixture.approved(jdbc, "bob", "100002", "Alice Martin", "85000002");
        MetricsFixture.importUntilIdle(importer);
        login("bob");
        SubscriptionsView view = open();

        assertThat(view.account.getListDataView().getItems().map(MetricsService.MetricsAccount::name))
                .containsExactly("Alice Martin");
        assertThat(subscriptions.myAccounts())
                .extracting(MetricsService.MetricsAccount::accountId)
                .containsExactly(aliceMartin);
        assertThatThrownBy(() -> subscriptions.dashboard(
                        pixelForge, null, lastReportDay().minusDays(6), lastReportDay()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> subscriptions.choices(pixelForge)).isInstanceOf(AccessDeniedException.class);
        assertThat(text("card-active-paid-value")).isIn("0", "not reported yet");
    }

    @Test
    void a_customer_without_an_approved_account_is_sent_to_data_integration() {
        login("bob");
        open();

        assertThat(text("subscriptions-empty")).contains("once an App Store Connect account of yours is Approved");
        assertThat(_get(Anchor.class, spec -> spec.withId("to-data-integration"))
                        .getHref())
                .isEqualTo("my-account/data-integration");
        assertThat(_find(Span.class, spec -> spec.withId("card-active-paid-value")))
                .isEmpty();
    }

    private LocalDate lastReportDay() {
        return LocalDate.now(clock.withZone(PACIFIC)).minusDays(2);
    }

    private static SubscriptionsView open() {
        UI.getCurrent().navigate(SubscriptionsView.class);
        return _get(SubscriptionsView.class);
    }

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getText();
    }
}
