/**
 * Attempts counted in the database, so every node sees and shares them: failed sign-ins and
 * customers' requests that must not come too often.
 */
package com.storemetrics.attempts;
