/** What every feature shares and no feature owns: the clock. */
package com.storemetrics.base;
