/** The connection funnel's rules: check a customer's credential with Apple, show the accounts it sees, and connect the chosen ones. */
package com.storemetrics.connect;
