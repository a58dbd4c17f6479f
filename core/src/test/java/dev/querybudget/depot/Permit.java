package dev.querybudget.depot;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "permit")
public class Permit {

    @Id
    private Long id;

    @OneToOne(fetch = FetchType.LAZY)
    private Warehouse warehouse;

    protected Permit() {
    }

    public Permit(Long id, Warehouse warehouse) {
        this.id = id;
        this.warehouse = warehouse;
    }
}
