package dev.querybudget.depot;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.HashSet;
import java.util.Set;

/** A lazy to-one, a {@code @ManyToMany} through a join table and an {@code @ElementCollection}, all lazy. */
@Entity
@Table(name = "depot")
public class Depot {

    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private Carrier carrier;

    @ManyToMany
    @JoinTable(name = "depot_tag", joinColumns = @JoinColumn(name = "depot_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    private Set<Tag> tags = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "depot_label", joinColumns = @JoinColumn(name = "depot_id"))
    @Column(name = "label")
    private Set<String> labels = new HashSet<>();

    protected Depot() {
    }

    public Depot(Long id, Carrier carrier) {
        this.id = id;
        this.carrier = carrier;
    }

    public Carrier getCarrier() {
        return carrier;
    }

    public Set<Tag> getTags() {
        return tags;
    }

    public Set<String> getLabels() {
        return labels;
    }
}
