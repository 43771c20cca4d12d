package com.storemetrics.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storemetrics.SignIn;
import com.storemetrics.SpringTest;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

class NotificationSettingsTest extends SpringTest {

    @Autowired
    NotificationSettings settings;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_kind_is_on_by_default_and_the_address_is_the_customers_own() {
        NotificationSettings.Settings alices = SignIn.as(context, "alice", settings::mine);
        NotificationSettings.Settings bobs = SignIn.as(context, "bob", settings::mine);

        assertThat(alices.email()).isEqualTo("alice@pixelforge.example");
        assertThat(alices.enabled()).isEqualTo(EnumSet.allOf(NoticeKind.class));
        assertThat(bobs.email()).isEqualTo("bob@pixelforge.example");
    }

    @Test
    void a_switch_turns_one_kind_off_and_on_for_the_caller_only() {
        SignIn.as(context, "alice", () -> {
            settings.setEnabled(NoticeKind.EXPIRED, false);
            settings.setEnabled(NoticeKind.EXPIRED, false);
            return null;
        });

        assertThat(SignIn.as(context, "alice", settings::mine).enabled())
                .isEqualTo(EnumSet.complementOf(EnumSet.of(NoticeKind.EXPIRED)));
        assertThat(SignIn.as(context, "bob", settings::mine).enabled()).isEqualTo(EnumSet.allOf(NoticeKind.class));

        SignIn.as(context, "alice", () -> {
            settings.setEnabled(NoticeKind.EXPIRED, true);
            return null;
        });
        assertThat(SignIn.as(context, "alice", settings::mine).enabled()).isEqualTo(EnumSet.allOf(NoticeKind.class));
    }

    @Test
    void a_new_address_is_checked_trimmed_and_stored() {
        String stored = SignIn.as(context, "alice", () -> settings.changeEmail("  alice.martin@pixelforge.example "));

        assertThat(stored).isEqualTo("alice.martin@pixelforge.example");
        assertThat(jdbc.queryForObject("SELECT email FROM app_user WHERE username = 'alice'", String.class))
                .isEqualTo("alice.martin@pixelforge.example");
    }

    @Test
    void an_address_that_cannot_receive_mail_is_refused_with_the_reason_and_the_old_one_kept() {
        for (String bad : new String[] {
            "",
            "alice",
            "alice@",
            "alice@localhost",
            "alice at pixelforge.example",
            "alice@pixelforge.example\r\nBcc: mallory@evil.example",
            "a@b.example, c@d.example",
            "Alice <alice@pixelforge.example>",
            "x".repeat(250) + "@a.example"
        }) {
            assertThatThrownBy(() -> SignIn.as(context, "alice", () -> settings.changeEmail(bad)))
                    .as(bad)
                    .isInstanceOf(NotificationSettings.InvalidAddress.class)
                    .hasMessageMatching(
                            "(?s)(The customer has no e-mail address|Not .*|An e-mail address has at most.*)");
        }
        assertThat(jdbc.queryForObject("SELECT email FROM app_user WHERE username = 'alice'", String.class))
                .isEqualTo("alice@pixelforge.example");
    }

    @Test
    void support_has_no_notification_settings() {
        assertThatThrownBy(() -> SignIn.as(context, "carol", settings::mine)).isInstanceOf(AccessDeniedException.class);
    }
}
