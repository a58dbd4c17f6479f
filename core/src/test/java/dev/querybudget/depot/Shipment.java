package dev.querybudget.depot;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An EAGER to-one: a query for shipments loads each one's carrier by a select of its own. */
@Entity
@Table(name = "shipment")
public class Shipment {

    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER)
    private Carrier carrier;

    protected Shipment() {
    }

    public Shipment(Long id, Carrier carrier) {
        this.id = id;
        this.carrier = carrier;
    }
}
