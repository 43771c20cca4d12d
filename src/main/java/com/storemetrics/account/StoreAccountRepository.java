package com.storemetrics.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StoreAccountRepository extends JpaRepository<StoreAccount, Long> {

    Optional<StoreAccount> findByAccountNumber(String accountNumber);

    @Query("select a from StoreAccount a join a.vendorNumbers v where v = :vendorNumber")
    Optional<StoreAccount> findByVendorNumber(String vendorNumber);

    @Query("select distinct a from StoreAccount a join a.vendorNumbers v where v in :vendorNumbers")
    List<StoreAccount> findByAnyVendorNumber(Collection<String> vendorNumbers);
}
