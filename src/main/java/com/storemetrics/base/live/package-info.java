/**
 * Live updates: background work (the verifier, another user's request) tells open views what
 * changed, and each view applies it through Vaadin server push, as the session's own signed-in user.
 */
package com.storemetrics.base.live;
