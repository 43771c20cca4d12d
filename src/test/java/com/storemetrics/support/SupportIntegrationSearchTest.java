package com.storemetrics.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storemetrics.integration.IntegrationStatus;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;

/** The pieces of the grid's query that need no database: filter input, LIKE patterns, sort whitelist. */
class SupportIntegrationSearchTest {

    @Test
    void blank_filter_text_means_any_and_surrounding_space_is_ignored() {
        SupportFilter filter = new SupportFilter(IntegrationStatus.PENDING, "   ", "  Pixel Forge ");

        assertThat(filter.customer()).isNull();
        assertThat(filter.account()).isEqualTo("Pixel Forge");
        assertThat(new SupportFilter(null, "x".repeat(5000), null).customer()).hasSize(200);
    }

    @Test
    void the_users_wildcards_are_taken_literally() {
        assertThat(SupportIntegrationSearchImpl.containsPattern("100%_Fun!")).isEqualTo("%100!%!_fun!!%");
    }

    @Test
    void newest_status_change_first_unless_sorted_otherwise_with_the_id_breaking_ties() {
        assertThat(SupportIntegrationSearchImpl.orderBy(Sort.unsorted()))
                .isEqualTo(" order by i.statusChangedAt desc, i.id desc");
        assertThat(SupportIntegrationSearchImpl.orderBy(Sort.by("customer").ascending()))
                .isEqualTo(" order by u.displayName asc, i.id asc");
    }

    @Test
    void only_known_columns_can_be_sorted_by() {
        assertThatThrownBy(() -> SupportIntegrationSearchImpl.orderBy(Sort.by("i.id; delete from integration")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
