/** The signed-in customer's own integrations: paged rows, one row's details and history, removal, Check again and notices. */
package com.storemetrics.myintegrations;
