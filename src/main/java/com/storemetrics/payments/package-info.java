/** What Apple settles and pays: imports Apple's Financial reports per account, vendor, region currency and fiscal month, e-mails customers when our Finance role is missing, and tells the read sides so ({@code FinanceRoles}) (docs/payments.md). */
package com.storemetrics.payments;
