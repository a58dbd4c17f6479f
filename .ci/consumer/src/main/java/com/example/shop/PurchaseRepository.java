package com.example.shop;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface PurchaseRepository extends JpaRepository<Purchase, Long> {

    List<Purchase> findAllByOrderByIdAsc();

    @Query("select distinct p from Purchase p join fetch p.lines order by p.id")
    List<Purchase> findAllWithLines();
}
