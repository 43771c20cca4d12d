/** My Account > Payments: what Apple settled per fiscal month and region currency, beside the daily Sales estimate, with CSV. */
package com.storemetrics.payments.ui;
