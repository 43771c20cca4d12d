package com.storemetrics.verification;

import org.springframework.data.jpa.repository.JpaRepository;

interface VerifierHealthRepository extends JpaRepository<VerifierHealth, Integer> {}
