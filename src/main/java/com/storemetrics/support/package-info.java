/** Support staff's read-only view of every integration, with an audit of who opened what, and the verifier's health. */
package com.storemetrics.support;
