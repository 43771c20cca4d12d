package com.storemetrics.support.ui;

import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.support.IntegrationSearchFilter;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** What support narrows the integrations grid by: status, customer, account. Each change refines the filter. */
class SupportFilterBar extends FlexLayout {

    final Select<IntegrationStatus> status = new Select<>();
    final TextField customer = new TextField("Customer");
    final TextField account = new TextField("Account");

    SupportFilterBar(Consumer<UnaryOperator<IntegrationSearchFilter>> onChange) {
        status.setId("filter-status");
        status.setLabel("Status");
        status.setItems(IntegrationStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("Any status");
        status.setItemLabelGenerator(value -> value == null ? "Any status" : value.label());
        status.addValueChangeListener(change -> onChange.accept(filter -> filter.withStatus(change.getValue())));

        customer.setId("filter-customer");
        customer.setPlaceholder("Name or username");
        customer.setClearButtonVisible(true);
        customer.setPrefixComponent(VaadinIcon.USER.create());
        customer.setValueChangeMode(ValueChangeMode.LAZY);
        customer.addValueChangeListener(change -> onChange.accept(filter -> filter.withCustomer(change.getValue())));

        account.setId("filter-account");
        account.setPlaceholder("Name, account or vendor number");
        account.setClearButtonVisible(true);
        account.setPrefixComponent(VaadinIcon.SEARCH.create());
        account.setValueChangeMode(ValueChangeMode.LAZY);
        account.addValueChangeListener(change -> onChange.accept(filter -> filter.withAccount(change.getValue())));
        account.setMinWidth("18rem");
        add(status, customer, account);
        setFlexWrap(FlexWrap.WRAP);
        addClassNames(LumoUtility.Gap.MEDIUM, LumoUtility.AlignItems.BASELINE);
    }
}
