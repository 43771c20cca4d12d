/** Euro reference exchange rates: fetched daily from the European Central Bank's feed, stored by date, and the conversions every page's estimated totals use (with the shipped table as the fallback for days before the first stored rate). */
package com.storemetrics.rates;
