package com.example.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

import java.util.ArrayList;
import java.util.List;

@Entity
public class Purchase {

    @Id
    private Long id;

    @OneToMany(mappedBy = "purchase", fetch = FetchType.LAZY)
    @OrderBy("id")
    private List<Line> lines = new ArrayList<>();

    protected Purchase() {
    }

    public Long getId() {
        return id;
    }

    public List<Line> getLines() {
        return lines;
    }
}
