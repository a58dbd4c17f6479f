package dev.querybudget.depot;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "country")
public class Country {

    @Id
    private Long id;

    private String name;

    protected Country() {
    }

    public Country(Long id, String name) {
        this.id = id;
        this.name = name;
    }
}
