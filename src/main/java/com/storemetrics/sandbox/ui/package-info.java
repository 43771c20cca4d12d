/** The sandbox console, where a developer plays the account holder. */
package com.storemetrics.sandbox.ui;
