package com.storemetrics.connect.ui;

import com.storemetrics.account.DiscoveredAccount;
import com.storemetrics.connect.AccountAvailability;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step 2: the accounts the credential sees, with vendor numbers and apps; the customer ticks one
 * or more. Accounts this customer already has a live integration for are shown but disabled, with
 * the reason.
 */
class SelectAccountStep extends VerticalLayout {

    /** How many app names an account shows before "and N more". */
    static final int APPS_SHOWN = 8;

    final CheckboxGroup<DiscoveredAccount> accounts = new CheckboxGroup<>("Accounts");
    final ProgressBar progress = new ProgressBar();
    final Span progressLabel = new Span("Reading your most recent sales to name your apps…");
    final ValidationOutcome outcome = new ValidationOutcome("accounts-outcome");

    private Map<String, AccountAvailability> availability = Map.of();

    SelectAccountStep() {
        setPadding(false);
        Paragraph help = new Paragraph("Choose the accounts whose store data you want in Storemetrics. Missing one? "
                + "The token's Apple ID sees only the accounts it belongs to with the Sales, Finance or Admin role.");
        help.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        accounts.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        accounts.setWidthFull();
        accounts.setItemEnabledProvider(account -> availabilityOf(account).selectable());
        accounts.setRenderer(new ComponentRenderer<>(this::describe));
        progress.setIndeterminate(true);
        progress.getElement().setAttribute("aria-label", "Loading apps");
        progressLabel.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        add(help, progressLabel, progress, accounts, outcome);
        loading(false);
    }

    void show(List<DiscoveredAccount> found, Map<String, AccountAvailability> availabilityByKey) {
        Set<DiscoveredAccount> keep = accounts.getSelectedItems();
        this.availability = Map.copyOf(availabilityByKey);
        accounts.setItems(found);
        List<DiscoveredAccount> selectable = found.stream()
                .filter(account -> availabilityOf(account).selectable())
                .toList();
        // Keep what was ticked (by account identity); with a single choice, tick it for the customer.
        List<DiscoveredAccount> reselect = selectable.stream()
                .filter(account -> keep.stream().anyMatch(kept -> kept.key().equals(account.key())))
                .toList();
        if (!reselect.isEmpty()) {
            accounts.select(reselect);
        } else if (selectable.size() == 1) {
            accounts.select(selectable.get(0));
        }
        if (selectable.isEmpty()) {
            outcome.failure("Every account this credential sees is already connected or needs its expired "
                    + "integration removed first. Close this dialog to manage your integrations.");
        } else {
            outcome.clear();
        }
    }

    void loading(boolean loading) {
        progress.setVisible(loading);
        progressLabel.setVisible(loading);
    }

    Set<DiscoveredAccount> selected() {
        return accounts.getSelectedItems();
    }

    AccountAvailability availabilityOf(DiscoveredAccount account) {
        return availability.getOrDefault(account.key(), AccountAvailability.AVAILABLE);
    }

    private Div describe(DiscoveredAccount account) {
        Div box = new Div();
        box.addClassNames(
                LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.Vertical.XSMALL);
        Span name = new Span(account.name());
        name.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        String vendors = "Vendor " + String.join(", ", account.vendorNumbers());
        // An API key does not tell us the account's name: it is known by its vendor number until our user is a member.
        String identity = (account.accountNumber() != null ? "Account " + account.accountNumber() + " · " : "")
                + (account.name().equals(vendors) ? "Its name shows once our Apple ID is a member of it" : vendors);
        Span ids = new Span(identity);
        ids.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        Span apps = new Span(appsText(account));
        apps.addClassNames(LumoUtility.FontSize.SMALL);
        box.add(name, ids, apps);
        AccountAvailability availability = availabilityOf(account);
        if (availability.explanation() != null) {
            Span why = new Span(availability.explanation());
            why.getElement()
                    .getThemeList()
                    .add(availability.selectable() ? "badge success small" : "badge contrast small");
            box.add(why);
        }
        return box;
    }

    static String appsText(DiscoveredAccount account) {
        return switch (account.appsState()) {
            case NOT_LOADED -> "Apps: loading…";
            case NO_RECENT_SALES -> "Apps appear once sales data arrives.";
            case UNAVAILABLE -> "Apps could not be read from Apple right now; you can still connect the account.";
            case LOADED -> {
                List<String> names = account.apps().stream()
                        .map(DiscoveredAccount.DiscoveredApp::name)
                        .toList();
                String shown = String.join(", ", names.subList(0, Math.min(APPS_SHOWN, names.size())));
                yield names.size()
                        + (names.size() == 1 ? " app: " : " apps: ")
                        + shown
                        + (names.size() > APPS_SHOWN ? " and " + (names.size() - APPS_SHOWN) + " more" : "");
            }
        };
    }
}
