package com.storemetrics.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storemetrics.SignIn;
import com.storemetrics.SpringTest;
import com.storemetrics.integration.IntegrationStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keyset pages are the offset pages: for every sort, both directions, with and without a filter,
 * paging through by keyset returns exactly the rows, in exactly the order, of one query by offset,
 * even where many rows share a sort key (ties are broken by id in both).
 */
class SupportPagerTest extends SpringTest {

    private static final int PAGE = 50;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SupportService support;

    @BeforeEach
    void seed() {
        long alice = SupportTestData.userId(jdbc, "alice");
        long bob = SupportTestData.userId(jdbc, "bob");
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<SupportTestData.Row> rows = new ArrayList<>();
        IntegrationStatus[] statuses = IntegrationStatus.values();
        for (int i = 0; i < 130; i++) {
            // Seven account names and twenty moments for 260 rows: most sort keys are shared.
            long account = SupportTestData.account(jdbc, String.valueOf(700_000 + i), "Pager Studio " + (i % 7), null);
            Instant changed = base.minusSeconds(60L * (i % 20));
            rows.add(new SupportTestData.Row(alice, account, statuses[i % statuses.length], null, changed));
            rows.add(new SupportTestData.Row(bob, account, statuses[(i + 1) % statuses.length], null, changed));
        }
        SupportTestData.integrations(jdbc, rows);
    }

    @Test
    void paging_through_by_keyset_returns_the_rows_of_one_offset_query_for_every_sort_and_filter() {
        SignIn.as(context, "carol", () -> {
            for (IntegrationSearchFilter filter : List.of(
                    IntegrationSearchFilter.none(),
                    IntegrationSearchFilter.none().withStatus(IntegrationStatus.APPROVED),
                    IntegrationSearchFilter.none().withAccount("Pager Studio 3"))) {
                for (String key : List.of("customer", "account", "status", "since", "connected")) {
                    for (Sort.Direction direction : Sort.Direction.values()) {
                        Sort sort = Sort.by(direction, key);
                        List<IntegrationOverview> expected =
                                support.integrations(filter, PageRequest.of(0, 1_000, sort));
                        SupportPager pager = new SupportPager(support);
                        List<IntegrationOverview> paged = pageThrough(pager, filter, sort);
                        assertThat(paged)
                                .as(filter + " by " + sort)
                                .extracting(IntegrationOverview::id)
                                .containsExactlyElementsOf(expected.stream()
                                        .map(IntegrationOverview::id)
                                        .toList());
                        assertThat(pager.servedBySeekAndOffset()[0])
                                .as("pages after the first come by keyset")
                                .isEqualTo(expected.size() / PAGE);
                    }
                }
            }
            return null;
        });
    }

    @Test
    void a_jump_and_a_sort_by_a_key_that_can_be_empty_are_served_by_offset() {
        SignIn.as(context, "carol", () -> {
            SupportPager pager = new SupportPager(support);
            Sort newest = Sort.by(Sort.Direction.DESC, "since");
            List<IntegrationOverview> all =
                    support.integrations(IntegrationSearchFilter.none(), PageRequest.of(0, 1_000, newest));

            assertThat(pager.page(IntegrationSearchFilter.none(), newest, 150, PAGE))
                    .isEqualTo(all.subList(150, 200));
            assertThat(pager.servedBySeekAndOffset()).containsExactly(0, 1);
            assertThat(pager.page(IntegrationSearchFilter.none(), newest, 200, PAGE))
                    .isEqualTo(all.subList(200, 250));
            assertThat(pager.servedBySeekAndOffset()).containsExactly(1, 1);

            // A deep offset page is the same slice of the list, whichever way it is read.
            for (String key : List.of("status", "since", "connected", "lastChecked", "customer", "account")) {
                for (Sort.Direction direction : Sort.Direction.values()) {
                    Sort sort = Sort.by(direction, key);
                    for (IntegrationSearchFilter filter : List.of(
                            IntegrationSearchFilter.none(),
                            IntegrationSearchFilter.none().withStatus(IntegrationStatus.PENDING))) {
                        List<IntegrationOverview> whole = support.integrations(filter, PageRequest.of(0, 1_000, sort));
                        assertThat(support.integrations(filter, PageRequest.of(1, PAGE, sort)))
                                .as(key + " " + direction)
                                .isEqualTo(
                                        whole.subList(Math.min(PAGE, whole.size()), Math.min(2 * PAGE, whole.size())));
                    }
                }
            }

            Sort lastChecked = Sort.by(Sort.Direction.ASC, "lastChecked");
            List<IntegrationOverview> byCheck =
                    support.integrations(IntegrationSearchFilter.none(), PageRequest.of(0, 1_000, lastChecked));
            assertThat(pageThrough(pager, IntegrationSearchFilter.none(), lastChecked))
                    .isEqualTo(byCheck);
            assertThat(pager.servedBySeekAndOffset()[0])
                    .as("no keyset page for last checked")
                    .isEqualTo(1);
            return null;
        });
    }

    @Test
    void after_forgetting_a_changed_list_the_next_page_is_read_afresh() {
        SignIn.as(context, "carol", () -> {
            SupportPager pager = new SupportPager(support);
            Sort newest = Sort.by(Sort.Direction.DESC, "since");
            pager.page(IntegrationSearchFilter.none(), newest, 0, PAGE);
            pager.forget();
            List<IntegrationOverview> second = pager.page(IntegrationSearchFilter.none(), newest, PAGE, PAGE);
            assertThat(second)
                    .isEqualTo(support.integrations(IntegrationSearchFilter.none(), PageRequest.of(1, PAGE, newest)));
            assertThat(pager.servedBySeekAndOffset()).containsExactly(0, 2);
            assertThatThrownBy(() -> pager.page(IntegrationSearchFilter.none(), newest, 10, PAGE))
                    .isInstanceOf(IllegalArgumentException.class);
            return null;
        });
    }

    @Test
    void a_pager_remembers_a_bounded_number_of_rows_and_still_pages_by_keyset() {
        SignIn.as(context, "carol", () -> {
            SupportPager pager = new SupportPager(support, 2);
            Sort newest = Sort.by(Sort.Direction.DESC, "since");
            List<IntegrationOverview> all =
                    support.integrations(IntegrationSearchFilter.none(), PageRequest.of(0, 1_000, newest));
            assertThat(pageThrough(pager, IntegrationSearchFilter.none(), newest))
                    .isEqualTo(all);
            assertThat(pager.remembered()).isEqualTo(2);
            assertThat(pager.servedBySeekAndOffset()).containsExactly(all.size() / PAGE, 1);
            return null;
        });
    }

    private static List<IntegrationOverview> pageThrough(
            SupportPager pager, IntegrationSearchFilter filter, Sort sort) {
        List<IntegrationOverview> rows = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<IntegrationOverview> page = pager.page(filter, sort, offset, PAGE);
            rows.addAll(page);
            if (page.size() < PAGE) {
                return rows;
            }
        }
    }
}
