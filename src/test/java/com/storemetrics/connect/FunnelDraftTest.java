package com.storemetrics.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.DemoAccounts;
import com.storemetrics.account.DiscoveredAccount;
import com.storemetrics.integration.CredentialKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The funnel's state without a screen: steps, generations, and what is forgotten. */
class FunnelDraftTest {

    final FunnelDraft draft = new FunnelDraft();

    @Test
    void next_stays_disabled_until_the_credential_as_typed_now_is_valid() {
        assertThat(draft.canAdvance(0)).isFalse();
        int generation = draft.edited();

        draft.checked(generation, CredentialKind.ACCESS_TOKEN, List.of(DemoAccounts.PIXEL_FORGE), null, "token");

        assertThat(draft.canAdvance(0)).isTrue();
        draft.edited();
        assertThat(draft.canAdvance(0)).as("an edit takes the check back").isFalse();
    }

    @Test
    void an_answer_about_older_input_is_ignored() {
        int old = draft.edited();
        draft.edited();

        assertThat(draft.checked(old, CredentialKind.ACCESS_TOKEN, List.of(DemoAccounts.PIXEL_FORGE), null, "token"))
                .isFalse();
        assertThat(draft.canAdvance(0)).isFalse();
        assertThat(draft.discovered()).isEmpty();
    }

    @Test
    void step_two_needs_a_selection_and_step_three_the_confirmation() {
        draft.checked(draft.edited(), CredentialKind.ACCESS_TOKEN, List.of(DemoAccounts.PIXEL_FORGE), null, "token");
        assertThat(draft.advance(0)).isTrue();
        assertThat(draft.step()).isEqualTo(FunnelDraft.Step.SELECT_ACCOUNT);

        assertThat(draft.advance(0)).as("nothing selected").isFalse();
        assertThat(draft.advance(1)).isTrue();
        assertThat(draft.canFinish(false)).isFalse();
        assertThat(draft.canFinish(true)).isTrue();

        draft.back();
        assertThat(draft.step()).isEqualTo(FunnelDraft.Step.SELECT_ACCOUNT);
        assertThat(draft.canFinish(true)).isFalse();
    }

    @Test
    void apps_are_named_only_for_access_tokens_and_only_for_the_current_input() {
        DiscoveredAccount unnamed = new DiscoveredAccount(
                "100001", "Pixel Forge Studio", List.of("85000001"), List.of(), DiscoveredAccount.AppsState.NOT_LOADED);
        int generation = draft.edited();
        draft.checked(generation, CredentialKind.ACCESS_TOKEN, List.of(unnamed), null, "token");
        assertThat(draft.needsApps()).isTrue();

        assertThat(draft.appsLoaded(generation - 1, List.of(DemoAccounts.PIXEL_FORGE)))
                .isFalse();
        assertThat(draft.appsLoaded(generation, List.of(DemoAccounts.PIXEL_FORGE)))
                .isTrue();
        assertThat(draft.needsApps()).isFalse();
    }

    @Test
    void closing_forgets_the_token_the_api_access_and_the_accounts() {
        draft.checked(draft.edited(), CredentialKind.ACCESS_TOKEN, List.of(DemoAccounts.PIXEL_FORGE), null, "token");
        draft.advance(0);

        draft.forget();

        assertThat(draft.accessTokenForApps()).isNull();
        assertThat(draft.apiAccess()).isNull();
        assertThat(draft.discovered()).isEmpty();
        assertThat(draft.step()).isEqualTo(FunnelDraft.Step.CREDENTIAL);
        assertThat(draft.toString()).doesNotContain("token");
    }

    @Test
    void the_first_step_is_named_after_the_kind_of_credential() {
        assertThat(FunnelDraft.Step.CREDENTIAL.title(CredentialKind.ACCESS_TOKEN))
                .isEqualTo("Step 1 of 3 · Access token");
        assertThat(FunnelDraft.Step.CREDENTIAL.title(CredentialKind.API_KEY)).isEqualTo("Step 1 of 3 · API key");
        assertThat(FunnelDraft.Step.INVITE.title(CredentialKind.API_KEY)).isEqualTo("Step 3 of 3 · Invite");
    }
}
