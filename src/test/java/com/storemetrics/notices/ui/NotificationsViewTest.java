package com.storemetrics.notices.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.KaribuTest;
import com.storemetrics.notices.NoticeKind;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class NotificationsViewTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shows_the_customers_address_and_every_kind_switched_on() {
        login("alice");
        UI.getCurrent().navigate(NotificationsView.class);

        NotificationsView view = _get(NotificationsView.class);
        assertThat(view.email.getValue()).isEqualTo("alice@pixelforge.example");
        assertThat(view.switches).hasSize(NoticeKind.values().length);
        assertThat(view.switches.values())
                .allSatisfy(toggle -> assertThat(toggle.getValue()).isTrue());
    }

    @Test
    void a_switch_saves_at_once_and_stays_off_after_a_reload() {
        login("alice");
        UI.getCurrent().navigate(NotificationsView.class);

        _setValue(_get(NotificationsView.class).switches.get(NoticeKind.REMOVED), false);

        assertThat(jdbc.queryForList("SELECT kind FROM notice_opt_out", String.class))
                .containsExactly("REMOVED");
        UI.getCurrent().getPage().reload();
        UI.getCurrent().navigate(NotificationsView.class);
        assertThat(_get(NotificationsView.class)
                        .switches
                        .get(NoticeKind.REMOVED)
                        .getValue())
                .isFalse();
        assertThat(_get(NotificationsView.class)
                        .switches
                        .get(NoticeKind.APPROVED)
                        .getValue())
                .isTrue();
    }

    @Test
    void a_bad_address_shows_why_and_keeps_the_stored_one() {
        login("alice");
        UI.getCurrent().navigate(NotificationsView.class);
        NotificationsView view = _get(NotificationsView.class);

        _setValue(view.email, "alice@pixelforge");
        _click(view.saveEmail);

        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).contains("Not an e-mail address with a domain");
        assertThat(jdbc.queryForObject("SELECT email FROM app_user WHERE username = 'alice'", String.class))
                .isEqualTo("alice@pixelforge.example");

        _setValue(view.email, "alice@studio.example");
        _click(view.saveEmail);

        assertThat(view.email.isInvalid()).isFalse();
        assertThat(jdbc.queryForObject("SELECT email FROM app_user WHERE username = 'alice'", String.class))
                .isEqualTo("alice@studio.example");
    }
}
