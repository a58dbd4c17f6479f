package dev.querybudget.depot;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/**
 * The inverse side of a {@code @OneToOne}, EAGER as JPA defaults it: a query for warehouses loads each one's permit by
 * the permit's foreign key, a select of its own per row.
 */
@Entity
@Table(name = "warehouse")
public class Warehouse {

    @Id
    private Long id;

    @OneToOne(mappedBy = "warehouse")
    private Permit permit;

    protected Warehouse() {
    }

    public Warehouse(Long id) {
        this.id = id;
    }
}
