/**
 * Live updates: broadcasters number what changed after commit, and each open view applies it
 * through Vaadin server push, paced, inside {@code UI.access} (docs/live-updates.md).
 */
package com.storemetrics.base.live;
