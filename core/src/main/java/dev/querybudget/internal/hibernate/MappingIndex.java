package dev.querybudget.internal.hibernate;

import java.util.Collection;
import java.util.List;

/**
 * One SessionFactory's mapping reduced to plain strings: which table and key columns load each collection, which
 * table and id columns load each entity, and the to-one associations that target each entity. Immutable.
 */
record MappingIndex(List<CollectionTable> collections, List<EntityTable> entities, List<ToOne> toOnes) {

    MappingIndex {
        collections = List.copyOf(collections);
        entities = List.copyOf(entities);
        toOnes = List.copyOf(toOnes);
    }

    /** A collection: loaded from {@code table} (its join or collection table, or the elements' table) by its key. */
    record CollectionTable(TableName table, List<String> keyColumns, Association association) {
    }

    /** An entity, loaded by id from {@code table}. */
    record EntityTable(String entityName, TableName table, List<String> idColumns) {
    }

    /**
     * A to-one association and its owner's table. Its target is loaded by id, or, when it refers to a unique key
     * instead (the inverse side of a {@code @OneToOne(mappedBy = …)}, a {@code referencedColumnName}), by
     * {@code targetKeyColumns}.
     */
    record ToOne(Association association, TableName ownerTable, List<String> targetKeyColumns) {

        ToOne {
            targetKeyColumns = List.copyOf(targetKeyColumns);
        }
    }

    /** Adds the collections that {@code shape} loads: from their table, by all of their key columns. */
    void addCollectionsLoadedBy(ShapeTables shape, Collection<Association> into) {
        for (CollectionTable collection : collections) {
            if (collection.table.matches(shape.root()) && !collection.keyColumns.isEmpty()
                    && shape.rootParameterColumns().containsAll(collection.keyColumns)) {
                into.add(collection.association);
            }
        }
    }

    /** Adds the to-one associations whose target {@code shape} loads: from the target's table, by id or unique key. */
    void addToOnesLoadedBy(ShapeTables shape, Collection<ToOne> into) {
        for (EntityTable entity : entities) {
            if (!entity.table.matches(shape.root())) {
                continue;
            }
            for (ToOne toOne : toOnes) {
                List<String> key = toOne.targetKeyColumns.isEmpty() ? entity.idColumns : toOne.targetKeyColumns;
                if (entity.entityName.equals(toOne.association.targetEntity()) && !key.isEmpty()
                        && shape.rootParameterColumns().containsAll(key)) {
                    into.add(toOne);
                }
            }
        }
    }
}
