package com.storemetrics.connect;

import com.storemetrics.appstore.ApiCredential;

/**
 * A checked App Store Connect API credential, as the dialog holds it between step 1 and step 3:
 * opaque to views (they only hand it back), never printed, never stored.
 */
public final class ApiAccess {

    private final ApiCredential credential;

    ApiAccess(ApiCredential credential) {
        this.credential = credential;
    }

    ApiCredential credential() {
        return credential;
    }

    @Override
    public String toString() {
        return "ApiAccess[hidden]";
    }
}
