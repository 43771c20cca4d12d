package com.storemetrics.payments.ui;

import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import com.storemetrics.metrics.AccountNotApproved;
import com.storemetrics.metrics.MetricsService.MetricsAccount;
import com.storemetrics.metrics.ui.AccountChoice;
import com.storemetrics.metrics.ui.CsvDownload;
import com.storemetrics.metrics.ui.TopRows;
import com.storemetrics.payments.PaymentsOverview;
import com.storemetrics.payments.PaymentsOverview.Line;
import com.storemetrics.payments.PaymentsService;
import com.storemetrics.security.Roles;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;

/**
 * My Account > Payments: what Apple settled for the signed-in customer's Approved accounts per
 * fiscal month and region currency (its Financial reports), beside the estimate from the daily
 * Sales reports of the same days, with the difference and what explains it (docs/payments.md).
 */
@Route("my-account/payments")
@PageTitle("Payments | Storemetrics")
@Menu(title = "Payments", order = 3.5, icon = "vaadin:wallet")
@RolesAllowed(Roles.CUSTOMER)
public class PaymentsView extends VerticalLayout {

    /** The download's answer when the account was removed after the page opened. */
    static final String CSV_NO_LONGER_AVAILABLE = "These payments are no longer available to you: the App Store "
            + "Connect integration of this account was removed. Open Payments again to see the accounts you still have.";

    static final String PER_CURRENCY = "Amounts are per currency, as Apple settles them; the table adds nothing across"
            + " currencies. Below it, each fiscal month is also added up in one currency at the European Central"
            + " Bank's reference rates of the month's last day: an estimate, for an overview.";

    private final transient PaymentsService payments;
    Select<MetricsAccount> account;
    /** Empty: every month. */
    Select<FiscalMonth> month;

    Paragraph state;
    Paragraph upcoming;
    Div content;
    PaymentsGrid grid;
    MonthTotals totals;
    TopRows more;
    Anchor export;
    private volatile Shown shown;
    private boolean noAccounts;
    /** The month the customer chose (null: none yet, or all when {@link #allMonths}). */
    private FiscalMonth chosenMonth;

    private boolean allMonths;
    /** Set while the view itself sets the month's items or value, which is no choice of the customer's. */
    private boolean settingMonth;

    /** The account and month (null: all) on screen, and the names for the CSV. */
    record Shown(long accountId, FiscalMonth month, String accountName) {}

    public PaymentsView(PaymentsService payments) {
        this.payments = payments;
        setId("payments");
        List<MetricsAccount> accounts = payments.myAccounts();
        if (accounts.isEmpty()) {
            showNoAccounts();
            return;
        }
        add(new H2("Payments"));
        build();
        account.setItems(accounts);
        account.addValueChangeListener(change -> {
            chosenMonth = null;
            allMonths = false;
            refresh();
        });
        month.addValueChangeListener(change -> {
            if (!settingMonth) {
                chosenMonth = change.getValue();
                allMonths = change.getValue() == null;
                refresh();
            }
        });
        account.setValue(accounts.get(0));
    }

    private void build() {
        account = new Select<>();
        account.setLabel("Account");
        account.setItemLabelGenerator(MetricsAccount::name);
        month = new Select<>();
        month.setId("payments-month");
        month.setLabel("Fiscal month");
        month.setEmptySelectionAllowed(true);
        month.setEmptySelectionCaption("All months");
        // Wide enough for "FY2027 P12 (Sep), Aug 31 – Sep 27, 2026"; never wider than a phone.
        month.setWidth("22rem");
        month.setMaxWidth("100%");
        month.setItemLabelGenerator(
                m -> m == null ? "All months" : PaymentTexts.fiscalName(m) + ", " + PaymentTexts.days(m));
        FlexLayout filters = new FlexLayout(account, month);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassNames(LumoUtility.Gap.MEDIUM, LumoUtility.AlignItems.BASELINE);

        Paragraph about = new Paragraph("What Apple settled, from its Financial reports (one per region currency and"
                + " fiscal month), beside an estimate from its daily Sales reports: the proceeds of the same days in the"
                + " same currency, added up. Apple's documented reasons why they differ: sales at a fiscal month's end"
                + " can fall into the next month's report; returns and adjustments (taxes, corrections) appear in the"
                + " month Apple processes them.");
        Paragraph perCurrency = new Paragraph(PER_CURRENCY);
        perCurrency.setId("payments-currency-note");
        perCurrency.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        state = new Paragraph();
        state.setId("payments-state");
        state.getElement().setAttribute("role", "status");
        upcoming = new Paragraph();
        upcoming.setId("payments-upcoming");
        grid = new PaymentsGrid();
        grid.setId("payments-grid");
        totals = new MonthTotals();
        more = new TopRows("lines", "newest month first", this::refresh);
        export = new Anchor(
                new CsvDownload(this::csv, CSV_NO_LONGER_AVAILABLE, () -> accountGone(account.getValue())),
                AttachmentType.DOWNLOAD,
                "Download CSV");
        export.setId("export-csv");
        content = new Div(upcoming, new H3("Per fiscal month and currency"), grid, more, totals, export);
        content.setWidthFull();
        add(filters, about, perCurrency, state, content);
    }

    private void showNoAccounts() {
        noAccounts = true;
        removeAll();
        AccountChoice.showNoAccounts(
                this,
                "Payments",
                "payments-empty",
                "Payments appear once an App Store Connect account of yours is Approved and"
                        + " our service Apple ID has the Finance role there. Connect one on the Data Integration page.");
    }

    /** The account on screen is no longer the customer's to see: say so, and show what is left. */
    void accountGone(MetricsAccount gone) {
        AccountChoice.accountGone(gone, payments.myAccounts(), account, this::showNoAccounts);
    }

    /** Reads the account's payments again and shows those of the chosen month (or all). */
    void refresh() {
        MetricsAccount selected = noAccounts ? null : account.getValue();
        if (selected == null) {
            return;
        }
        PaymentsOverview overview;
        try {
            overview = payments.overview(selected.accountId());
        } catch (AccountNotApproved gone) {
            accountGone(selected);
            return;
        }
        state.setText(PaymentTexts.state(overview, payments.serviceAppleId(), payments.importInterval()));
        List<FiscalMonth> months =
                overview.lines().stream().map(Line::month).distinct().toList();
        FiscalMonth filter = allMonths ? null : chosenMonth != null ? chosenMonth : overview.latestPublished();
        if (filter != null && !months.contains(filter)) {
            filter = null;
        }
        settingMonth = true;
        try {
            if (!months.equals(month.getListDataView().getItems().toList())) {
                month.setItems(months);
            }
            month.setValue(filter);
        } finally {
            settingMonth = false;
        }
        boolean lines = !months.isEmpty();
        content.setVisible(lines);
        month.setVisible(lines);
        upcoming.setText(overview.lines().stream()
                .filter(line ->
                        line.month().start().isAfter(overview.latestPublished().end()))
                .map(line -> PaymentTexts.fiscalName(line.month()) + ", " + PaymentTexts.days(line.month()) + ": "
                        + line.status())
                .collect(Collectors.joining(" ")));
        // One month's currencies are all shown (Apple has about 45 regions at most); all months are cut to the top.
        List<Line> shownLines = of(overview, filter);
        if (filter == null) {
            shownLines = more.cut(shownLines);
        } else {
            more.setVisible(false);
        }
        grid.setItems(shownLines);
        totals.show(overview, totalsOf(overview, filter));
        shown = new Shown(selected.accountId(), filter, selected.name());
    }

    private static List<Line> of(PaymentsOverview overview, FiscalMonth month) {
        return month == null
                ? overview.lines()
                : overview.lines().stream()
                        .filter(line -> line.month().equals(month))
                        .toList();
    }

    private static List<PaymentsOverview.MonthTotal> totalsOf(PaymentsOverview overview, FiscalMonth month) {
        return overview.totals().stream()
                .filter(total -> month == null || total.month().equals(month))
                .toList();
    }

    /** What is on screen as a file, read again for the download (see {@link CsvDownload}). */
    private CsvDownload.File csv() {
        Shown query = shown;
        PaymentsOverview overview = payments.overview(query.accountId());
        List<Line> lines = of(overview, query.month());
        String months = query.month() == null ? "All months" : PaymentTexts.fiscalName(query.month());
        return new CsvDownload.File(
                "payments-"
                        + (query.month() == null
                                ? "all-months"
                                : "FY" + query.month().fiscalYear() + "-P"
                                        + query.month().period())
                        + ".csv",
                PaymentsCsv.of(
                        lines,
                        query.accountName(),
                        months,
                        overview.displayCurrency(),
                        totalsOf(overview, query.month())));
    }

    /** The lines on screen now, read again (for tests). */
    List<Line> shown() {
        Shown query = shown;
        return of(payments.overview(query.accountId()), query.month());
    }
}
