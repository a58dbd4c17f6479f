package dev.querybudget.depot;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Loaded with its country, an EAGER to-one: Hibernate left-joins it into the carrier's own load. */
@Entity
@Table(name = "carrier")
public class Carrier {

    @Id
    private Long id;

    private String name;

    @ManyToOne(fetch = FetchType.EAGER)
    private Country country;

    protected Carrier() {
    }

    public Carrier(Long id, String name, Country country) {
        this.id = id;
        this.name = name;
        this.country = country;
    }

    public String getName() {
        return name;
    }
}
