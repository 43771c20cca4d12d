/** What every feature shares and no feature owns: the clock, equality of entities by id (AbstractEntity) and waiting after failures (Backoff). */
package com.storemetrics.base;
