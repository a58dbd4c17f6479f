package dev.querybudget.internal.hibernate;

import dev.querybudget.internal.FailOpen;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Hibernate ORM mappings of this JVM's SessionFactories, and which association a statement shape loads.
 *
 * <p>{@link #register} reads a SessionFactory's metamodel reflectively (Hibernate 6.6 and 7), keeps an index of plain
 * strings, and only a weak reference to the factory: nothing here pins the application's class loader. The last
 * eight factories are kept; one that is closed or collected is forgotten. Every failure is caught and logged
 * once ({@link FailOpen}); registration then does nothing.
 */
public final class HibernateMappings {

    static final int KEPT = 8;

    private static final Object LOCK = new Object();
    private static volatile List<Registered> registered = List.of();

    private HibernateMappings() {
    }

    private record Registered(WeakReference<Object> factory, MappingIndex index) {
    }

    /**
     * Reads {@code sessionFactory}'s metamodel (an {@code org.hibernate.SessionFactory}, passed as an Object) once it
     * is built; registering the same factory again replaces its index. Never throws.
     */
    public static void register(Object sessionFactory) {
        if (sessionFactory == null) {
            return;
        }
        try {
            MappingIndex index = MetamodelReader.read(sessionFactory);
            synchronized (LOCK) {
                List<Registered> kept = new ArrayList<>(registered.size() + 1);
                for (Registered entry : registered) {
                    Object factory = entry.factory.get();
                    if (factory != null && factory != sessionFactory) {
                        kept.add(entry);
                    }
                }
                kept.add(new Registered(new WeakReference<>(sessionFactory), index));
                registered = List.copyOf(kept.subList(Math.max(0, kept.size() - KEPT), kept.size()));
            }
        } catch (RuntimeException | LinkageError failure) {
            FailOpen.report("reading a Hibernate SessionFactory's mappings", failure);
        }
    }

    /** Forgets {@code sessionFactory} (it is closing). Never throws. */
    public static void forget(Object sessionFactory) {
        synchronized (LOCK) {
            List<Registered> kept = new ArrayList<>(registered);
            kept.removeIf(entry -> entry.factory.get() == null || entry.factory.get() == sessionFactory);
            registered = List.copyOf(kept);
        }
    }

    /** How many factories' mappings are kept now. */
    static int registeredCount() {
        return registered.size();
    }

    /**
     * The association whose loading runs {@code shapeSql} (a statement's shape, as QueryBudget normalizes it), given
     * {@code precedingShapeSql}, the shape of the statement that ran before the loop (may be null); null when no
     * registered mapping explains it, or when several would and the preceding statement does not tell them apart.
     *
     * <ul>
     *   <li>A collection is loaded from its table (the elements' table for a {@code @OneToMany}, the join table for a
     *   {@code @ManyToMany}, the collection table for an {@code @ElementCollection}) by its key columns.</li>
     *   <li>A to-one target is loaded from its table by its id; of the to-one associations that target that entity,
     *   the one whose owner's table the preceding statement read is taken.</li>
     * </ul>
     */
    public static Association associationFor(String shapeSql, String precedingShapeSql) {
        try {
            List<Registered> current = registered;
            if (current.isEmpty()) {
                return null;
            }
            ShapeTables shape = ShapeTables.parse(shapeSql);
            if (shape == null || shape.rootParameterColumns().isEmpty()) {
                return null;
            }
            Set<Association> collections = new LinkedHashSet<>();
            Set<MappingIndex.ToOne> toOnes = new LinkedHashSet<>();
            for (Registered entry : current) {
                entry.index.addCollectionsLoadedBy(shape, collections);
                entry.index.addToOnesLoadedBy(shape, toOnes);
            }
            if (!collections.isEmpty()) {
                return collections.size() == 1 ? collections.iterator().next() : null;
            }
            return toOneOf(toOnes, precedingShapeSql);
        } catch (RuntimeException failure) {
            FailOpen.report("naming a Hibernate association", failure);
            return null;
        }
    }

    private static Association toOneOf(Set<MappingIndex.ToOne> candidates, String precedingShapeSql) {
        Set<Association> all = new LinkedHashSet<>();
        candidates.forEach(candidate -> all.add(candidate.association()));
        if (all.size() <= 1) {
            return all.isEmpty() ? null : all.iterator().next();
        }
        List<TableName> preceding = ShapeTables.tablesIn(precedingShapeSql);
        Set<Association> read = new LinkedHashSet<>();
        for (MappingIndex.ToOne candidate : candidates) {
            if (preceding.stream().anyMatch(candidate.ownerTable()::matches)) {
                read.add(candidate.association());
            }
        }
        return read.size() == 1 ? read.iterator().next() : null;
    }
}
