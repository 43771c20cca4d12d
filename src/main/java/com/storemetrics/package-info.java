/** Storemetrics Data Integration: customers connect App Store Connect accounts, a verifier keeps the connections honest, support watches. */
package com.storemetrics;
