/**
 * Tells the other app nodes on the same database what changed: small signals over PostgreSQL
 * LISTEN/NOTIFY, heard on each node as application events; nothing here knows about views.
 */
package com.storemetrics.base.cluster;
