/** The App Store Connect accounts we know, with their vendor numbers and apps, and our service user's membership of each as the verifier records it. */
package com.storemetrics.account;
