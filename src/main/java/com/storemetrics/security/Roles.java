package com.storemetrics.security;

/** The two roles of the product, as used in {@code @RolesAllowed} and {@code hasRole(..)}. */
public final class Roles {

    public static final String CUSTOMER = "CUSTOMER";
    public static final String SUPPORT = "SUPPORT";

    private Roles() {}
}
