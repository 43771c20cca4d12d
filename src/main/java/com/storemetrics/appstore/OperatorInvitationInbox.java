package com.storemetrics.appstore;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The inbox against real Apple: invitations to our service Apple ID arrive by e-mail and an operator
 * accepts them by following the link, so this application can neither see nor accept them.
 */
@Component
@ConditionalOnExpression("!${storemetrics.sandbox.enabled:false} and '${storemetrics.sandbox.shared-url:}' == ''")
class OperatorInvitationInbox implements InvitationInbox {

    @Override
    public boolean canAccept() {
        return false;
    }

    @Override
    public List<ReceivedInvitation> pendingInvitations() {
        return List.of();
    }

    @Override
    public void accept(String invitationId) {
        throw new UnsupportedOperationException("At Apple, invitations to the service Apple ID arrive by e-mail and "
                + "an operator accepts them by following the link in that e-mail; this application cannot accept "
                + "invitation " + invitationId + " itself.");
    }
}
