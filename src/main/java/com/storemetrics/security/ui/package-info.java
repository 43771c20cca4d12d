/** The login page. */
package com.storemetrics.security.ui;
