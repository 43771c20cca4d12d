package com.storemetrics.connect;

import com.storemetrics.account.DiscoveredAccount;
import com.storemetrics.integration.CredentialKind;
import java.util.List;

/**
 * Where one customer stands in the connection funnel, without the screen: the step, whether the
 * credential as typed now was found valid, what Apple showed for it, and what step 3 may offer. Every
 * edit of the credential starts a new generation, so an answer about older input is ignored. The
 * credential itself is not here, except a checked access token that step 2 needs to name apps;
 * {@link #forget()} drops it with everything else.
 */
public final class FunnelDraft {

    public enum Step {
        CREDENTIAL,
        SELECT_ACCOUNT,
        INVITE;

        public int number() {
            return ordinal() + 1;
        }

        /** "Step 1 of 3 · API key" and so on. */
        public String title(CredentialKind kind) {
            String name = switch (this) {
                case CREDENTIAL -> kind == CredentialKind.API_KEY ? "API key" : "Access token";
                case SELECT_ACCOUNT -> "Select account";
                case INVITE -> "Invite";
            };
            return "Step " + number() + " of 3 · " + name;
        }
    }

    private Step step = Step.CREDENTIAL;
    private int generation;
    private boolean credentialValid;
    private CredentialKind checkedKind;
    private List<DiscoveredAccount> discovered = List.of();
    private ApiAccess apiAccess;
    private String accessTokenForApps;

    /** The credential was edited: whatever was checked no longer holds. Returns the new generation. */
    public int edited() {
        generation++;
        credentialValid = false;
        discovered = List.of();
        apiAccess = null;
        accessTokenForApps = null;
        return generation;
    }

    public int generation() {
        return generation;
    }

    /**
     * Apple accepted the credential of {@code checkedGeneration}. Returns false, changing nothing,
     * when the credential was edited meanwhile.
     */
    public boolean checked(
            int checkedGeneration,
            CredentialKind kind,
            List<DiscoveredAccount> accounts,
            ApiAccess access,
            String accessToken) {
        if (checkedGeneration != generation) {
            return false;
        }
        credentialValid = true;
        checkedKind = kind;
        discovered = List.copyOf(accounts);
        apiAccess = access;
        accessTokenForApps = accessToken;
        return true;
    }

    /** Step 2 named the accounts' apps; ignored when the credential changed meanwhile. */
    public boolean appsLoaded(int loadedGeneration, List<DiscoveredAccount> accounts) {
        if (loadedGeneration != generation) {
            return false;
        }
        discovered = List.copyOf(accounts);
        return true;
    }

    /** Whether Next may be pressed now, with {@code selected} accounts ticked in step 2. */
    public boolean canAdvance(int selected) {
        return switch (step) {
            case CREDENTIAL -> credentialValid;
            case SELECT_ACCOUNT -> selected > 0;
            case INVITE -> false;
        };
    }

    /** Moves on when allowed; returns whether it did. */
    public boolean advance(int selected) {
        if (!canAdvance(selected)) {
            return false;
        }
        step = Step.values()[step.ordinal() + 1];
        return true;
    }

    public void back() {
        if (step != Step.CREDENTIAL) {
            step = Step.values()[step.ordinal() - 1];
        }
    }

    /** Finish needs step 3 and the customer's word that every selected account invited our Apple ID. */
    public boolean canFinish(boolean invitedConfirmed) {
        return step == Step.INVITE && invitedConfirmed;
    }

    /** Step 2 still has to name apps from sales summaries (access tokens only). */
    public boolean needsApps() {
        return accessTokenForApps != null
                && discovered.stream()
                        .anyMatch(account -> account.appsState() == DiscoveredAccount.AppsState.NOT_LOADED);
    }

    /** The dialog closed: nothing of the credential stays. */
    public void forget() {
        edited();
        step = Step.CREDENTIAL;
    }

    public Step step() {
        return step;
    }

    public CredentialKind checkedKind() {
        return checkedKind;
    }

    public List<DiscoveredAccount> discovered() {
        return discovered;
    }

    /** Set for an API credential: step 3 can then send the invitations for the customer. */
    public ApiAccess apiAccess() {
        return apiAccess;
    }

    public String accessTokenForApps() {
        return accessTokenForApps;
    }

    @Override
    public String toString() {
        return "FunnelDraft[" + step + ", generation " + generation + ", " + discovered.size() + " accounts]";
    }
}
