package com.storemetrics.connect;

import com.storemetrics.integration.DataWanted;
import java.util.List;

/**
 * The roles step 3 asks the customer to give our service Apple ID, by what they want to see. Apple's
 * Sales role reads the daily Sales and Subscription reports (Store Metrics, Subscriptions); Financial
 * reports (Payments) need Finance (or Admin), which Sales alone does not give. Only these two sets
 * are ever asked for: never Admin, never more than the data needs.
 */
public enum ServiceRoles {
    SALES_AND_FINANCE(List.of("SALES", "FINANCE"), "the Sales and Finance roles", DataWanted.SALES_AND_PAYMENTS),
    SALES_ONLY(List.of("SALES"), "the Sales role", DataWanted.SALES);

    private final List<String> appleRoles;
    private final String inWords;
    private final DataWanted dataWanted;

    ServiceRoles(List<String> appleRoles, String inWords, DataWanted dataWanted) {
        this.appleRoles = appleRoles;
        this.inWords = inWords;
        this.dataWanted = dataWanted;
    }

    /** What the customer asked for, recorded with the integrations Finish creates. */
    public DataWanted dataWanted() {
        return dataWanted;
    }

    /** As Apple's API names them in a user invitation. */
    public List<String> appleRoles() {
        return appleRoles;
    }

    /** "the Sales and Finance roles", for the customer's instructions. */
    public String inWords() {
        return inWords;
    }
}
