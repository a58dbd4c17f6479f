package com.example.shop;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class Purchases {

    private final PurchaseRepository repository;

    public Purchases(PurchaseRepository repository) {
        this.repository = repository;
    }

    /** The N+1: each purchase's lines load on their own. */
    @Transactional(readOnly = true)
    public int countLinesLazily() {
        int lines = 0;
        for (Purchase purchase : repository.findAllByOrderByIdAsc()) {
            lines += purchase.getLines().size();
        }
        return lines;
    }

    /** The fix: one query with a JOIN FETCH. */
    @Transactional(readOnly = true)
    public int countLinesFetched() {
        int lines = 0;
        for (Purchase purchase : repository.findAllWithLines()) {
            lines += purchase.getLines().size();
        }
        return lines;
    }
}
