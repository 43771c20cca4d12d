package com.storemetrics.notices.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storemetrics.KaribuTest;
import com.storemetrics.notices.SentNotices;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

class SupportMailViewTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SentNotices sentNotices;

    @BeforeEach
    void oneSentOneUnknownMessage() {
        for (String[] row : List.of(
                new String[] {"integration:1", "SENT", "Accepted: 250 OK"},
                new String[] {"integration:2", "UNKNOWN", "The sender stopped before recording the answer"})) {
            jdbc.update(
                    "INSERT INTO notice_outbox (user_id, kind, regarding, occurrence, recipient, account_name,"
                            + " happened_at, created_at, state, attempts, next_attempt_at, outcome)"
                            + " SELECT id, 'APPROVED', ?, 'once', email, 'Pixel Forge Studio', CURRENT_TIMESTAMP,"
                            + " CURRENT_TIMESTAMP, ?, 1, CURRENT_TIMESTAMP, ? FROM app_user WHERE username = 'alice'",
                    row[0],
                    row[1],
                    row[2]);
        }
    }

    @Test
    void support_sees_each_message_with_its_state_and_outcome_and_filters_by_state() {
        login("carol");
        UI.getCurrent().navigate(SupportMailView.class);
        SupportMailView view = _get(SupportMailView.class);
        Grid<SentNotices.Row> grid = view.grid;

        assertThat(grid.getListDataView().getItemCount()).isEqualTo(2);
        assertThat(_getFormattedRow(grid, 0))
                .contains("alice", "alice@pixelforge.example", "Integration approved", "UNKNOWN")
                .anySatisfy(cell -> assertThat(cell).contains("sender stopped"));

        _setValue(view.state, "SENT");

        assertThat(grid.getListDataView().getItemCount()).isEqualTo(1);
        assertThat(_getFormattedRow(grid, 0)).contains("SENT");
    }

    @Test
    void customers_cannot_read_the_outbox() {
        login("alice");
        assertThatThrownBy(() -> sentNotices.newest(null, 10)).isInstanceOf(AccessDeniedException.class);
    }
}
