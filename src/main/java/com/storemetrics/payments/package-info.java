/** What Apple settles and pays: imports Apple's Financial reports per account, vendor, region currency and fiscal month (docs/payments.md). */
package com.storemetrics.payments;
