/** Support > Integrations: the filtered grid, details and the verifier's health panel. */
package com.storemetrics.support.ui;
