/** What every feature shares and no feature owns: the clock, Apple's fiscal calendar (FiscalCalendar, which the sandbox and our clients must agree on), equality of entities by id (AbstractEntity) and waiting after failures (Backoff). */
package com.storemetrics.base;
