package com.storemetrics.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storemetrics.integration.IntegrationStatus;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;

/** The pieces of the grid's query that need no database: filter input, LIKE patterns, sort whitelist. */
class EveryIntegrationSearchTest {

    @Test
    void blank_filter_text_means_any_and_surrounding_space_is_ignored() {
        IntegrationSearchFilter filter =
                new IntegrationSearchFilter(IntegrationStatus.PENDING, "   ", "  Pixel Forge ");

        assertThat(filter.customer()).isNull();
        assertThat(filter.account()).isEqualTo("Pixel Forge");
        assertThat(new IntegrationSearchFilter(null, "x".repeat(5000), null).customer())
                .hasSize(200);
    }

    @Test
    void the_users_wildcards_are_taken_literally() {
        assertThat(EveryIntegrationSearchImpl.containsPattern("100%_Fun!")).isEqualTo("%100!%!_fun!!%");
    }

    @Test
    void newest_status_change_first_unless_sorted_otherwise_with_the_id_breaking_ties() {
        assertThat(EveryIntegrationSearchImpl.orderBy(Sort.unsorted()))
                .isEqualTo(" order by i.statusChangedAt desc, i.id desc");
        assertThat(EveryIntegrationSearchImpl.orderBy(Sort.by("customer").ascending()))
                .isEqualTo(" order by u.displayName asc, i.id asc");
        assertThat(EveryIntegrationSearchImpl.orderBy(Sort.unsorted(), true))
                .as("one status: its index order")
                .isEqualTo(" order by i.status desc, i.statusChangedAt desc, i.id desc");
    }

    @Test
    void only_known_columns_can_be_sorted_by() {
        assertThatThrownBy(() -> EveryIntegrationSearchImpl.orderBy(Sort.by("i.id; delete from integration")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
