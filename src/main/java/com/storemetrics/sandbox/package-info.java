/** The embedded fake Apple for development and tests: Apple's protocols over a deterministic demo world, plus a control API; nothing else imports it. */
package com.storemetrics.sandbox;
