/** HTTP clients for Apple's two protocols (Sales and Trends Reporter, App Store Connect API) and the facts they rest on. */
package com.storemetrics.appstore;
