package com.storemetrics.appstore;

import java.util.List;

/**
 * Apple's answer to {@code Finance.getVendorsAndRegions}: the vendors and their report regions, or
 * that our Apple ID may not read Financial reports of the account ({@code permitted} false, with
 * Apple's words): an answer, not a failure.
 */
public record FinanceAccess(boolean permitted, List<VendorRegions> vendors, String appleSays) {}
