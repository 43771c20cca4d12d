package com.storemetrics.appstore;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The App Store Connect API over HTTP (see docs/apple-wire-contract.md, section 2). Every method
 * makes real HTTP calls to {@code storemetrics.apple.api-url} with a bearer JWT and throws
 * {@link AppleFailure} for every failure.
 */
@Component
public class AppStoreConnectClient {

    /** {@code GET /v1/apps}, following {@code links.next} through every page. */
    public List<AppleApp> listApps(ApiCredential credential) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code GET /v1/users?filter[username]=}. */
    public List<TeamUser> findUsers(ApiCredential credential, String username) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code GET /v1/userInvitations?filter[email]=}. */
    public List<UserInvitation> findInvitations(ApiCredential credential, String email) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code POST /v1/userInvitations}; a 409 becomes ALREADY_INVITED or ALREADY_MEMBER, not a failure. */
    public InvitationOutcome createInvitation(ApiCredential credential, InvitationRequest request) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code DELETE /v1/userInvitations/{id}}. */
    public void deleteInvitation(ApiCredential credential, String invitationId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** {@code GET /v1/salesReports} daily summary; a day without sales is an empty report. */
    public SalesReport getDailySalesSummary(ApiCredential credential, String vendorNumber, LocalDate date) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
