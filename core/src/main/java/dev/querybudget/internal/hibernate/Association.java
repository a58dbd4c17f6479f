package dev.querybudget.internal.hibernate;

/**
 * One association of a Hibernate ORM entity mapping, as plain strings: what an N+1 that Hibernate issued was loading.
 *
 * @param ownerEntity  the entity that declares the attribute (its entity name: the fully qualified class name for an
 *                     ordinary entity class)
 * @param attribute    the attribute's name on the owner ({@code items}; a path such as {@code address.phones} for one
 *                     inside an embeddable)
 * @param kind         the kind of association
 * @param eager        whether it is fetched eagerly (FetchType.EAGER), rather than lazily
 * @param targetEntity the entity it leads to (entity name), for to-one associations and collections of entities;
 *                     {@code null} for an element collection
 */
public record Association(String ownerEntity, String attribute, Kind kind, boolean eager, String targetEntity) {

    /** The JPA kinds of association. */
    public enum Kind { ONE_TO_MANY, MANY_TO_MANY, MANY_TO_ONE, ONE_TO_ONE, ELEMENT_COLLECTION }

    /** How a user names it: the owner's simple name, a dot, the attribute ({@code PurchaseOrder.items}). */
    public String label() {
        String simple = ownerEntity.substring(ownerEntity.lastIndexOf('.') + 1);
        return simple.substring(simple.lastIndexOf('$') + 1) + "." + attribute;
    }

    /** Whether it is a to-one association (loaded by the target's id) rather than a collection. */
    boolean isToOne() {
        return kind == Kind.MANY_TO_ONE || kind == Kind.ONE_TO_ONE;
    }
}
