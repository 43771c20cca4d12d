/** The customer's Data Integration page: their integrations live, notices, details and removal. */
package com.storemetrics.myintegrations.ui;
