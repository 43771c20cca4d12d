/** The background verifier: checks our service user's memberships with Apple on a schedule and applies its policy through integration's write path. */
package com.storemetrics.verification;
