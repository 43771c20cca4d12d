package com.storemetrics.appstore;

import java.util.List;

/**
 * The invitee's side of an App Store Connect invitation, addressed to our service Apple ID. At
 * Apple an invitation arrives by e-mail and an operator accepts it, so the production adapter
 * accepts nothing; the embedded sandbox's adapter accepts through the sandbox's control API.
 */
public interface InvitationInbox {

    /** Whether this inbox can list and accept invitations at all. */
    boolean canAccept();

    /** Pending invitations addressed to the service Apple ID; empty when {@link #canAccept()} is false. */
    List<ReceivedInvitation> pendingInvitations();

    /** Accepts one invitation, after which the service Apple ID is a member of its account. */
    void accept(String invitationId);
}
