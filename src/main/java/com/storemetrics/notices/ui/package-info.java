/** My Account > Notifications: the customer's e-mail address and one switch per kind of e-mail notice. */
package com.storemetrics.notices.ui;
