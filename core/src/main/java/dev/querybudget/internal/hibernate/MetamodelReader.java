package dev.querybudget.internal.hibernate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads a SessionFactory's runtime metamodel into a {@link MappingIndex}, by reflection only: the caller may be the
 * agent's copy of QueryBudget, which cannot link against the application's Hibernate. It uses what Hibernate 6.6 and 7
 * both have: {@code SessionFactoryImplementor#getMappingMetamodel}, {@code MappingMetamodel#forEachEntityDescriptor}
 * and {@code #forEachCollectionDescriptor}, the persisters' table, key, id and property columns, {@code EntityType},
 * and a to-one attribute's {@code getMappedFetchOptions().getTiming()}. Nothing it reads is kept but strings.
 */
final class MetamodelReader {

    private MetamodelReader() {
    }

    static MappingIndex read(Object sessionFactory) {
        Object metamodel = call(sessionFactory, "getMappingMetamodel");
        List<Object> entityPersisters = new ArrayList<>();
        List<Object> collectionPersisters = new ArrayList<>();
        call(metamodel, "forEachEntityDescriptor", Consumer.class, (Consumer<Object>) entityPersisters::add);
        call(metamodel, "forEachCollectionDescriptor", Consumer.class, (Consumer<Object>) collectionPersisters::add);

        Map<String, Object> persistersByName = new HashMap<>();
        for (Object persister : entityPersisters) {
            persistersByName.put((String) call(persister, "getEntityName"), persister);
        }
        List<MappingIndex.EntityTable> entities = new ArrayList<>();
        Map<String, String> superEntities = new HashMap<>();
        Map<String, List<String>> toOneNames = new HashMap<>();
        List<MappingIndex.ToOne> toOnes = new ArrayList<>();
        for (Object persister : entityPersisters) {
            String entityName = (String) call(persister, "getEntityName");
            TableName table = TableName.parse((String) call(persister, "getTableName"));
            entities.add(new MappingIndex.EntityTable(entityName, table, columns(call(persister, "getIdentifierColumnNames"))));
            superEntities.put(entityName, (String) optional(persister, "getMappedSuperclass"));
            List<MappingIndex.ToOne> own = toOnesOf(persister, entityName, table, persistersByName);
            toOneNames.put(entityName, own.stream().map(toOne -> toOne.association().attribute()).toList());
            toOnes.addAll(own);
        }
        toOnes.removeIf(toOne -> inherited(toOne.association(), superEntities, toOneNames));

        List<MappingIndex.CollectionTable> collections = new ArrayList<>();
        for (Object persister : collectionPersisters) {
            collections.add(collectionOf(persister));
        }
        return new MappingIndex(collections, entities, toOnes);
    }

    private static List<MappingIndex.ToOne> toOnesOf(Object persister, String entityName, TableName table,
                                                     Map<String, Object> persistersByName) {
        String[] names = (String[]) call(persister, "getPropertyNames");
        Object[] types = (Object[]) call(persister, "getPropertyTypes");
        List<MappingIndex.ToOne> toOnes = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            Object type = types[i];
            if (!Boolean.TRUE.equals(call(type, "isEntityType"))) {
                continue;
            }
            boolean oneToOne = type.getClass().getSimpleName().contains("OneToOne")
                    || Boolean.TRUE.equals(optional(type, "isLogicalOneToOne"));
            Association association = new Association(entityName, names[i],
                    oneToOne ? Association.Kind.ONE_TO_ONE : Association.Kind.MANY_TO_ONE,
                    fetchedImmediately(persister, names[i]), (String) call(type, "getAssociatedEntityName"));
            toOnes.add(new MappingIndex.ToOne(association, table,
                    targetKeyColumns(type, persistersByName.get(association.targetEntity()))));
        }
        return toOnes;
    }

    /**
     * The target's columns a to-one is loaded by when they are not the target's id: those of the property it refers to
     * (for the inverse side of a {@code @OneToOne}, the owning side's foreign key). Empty for the id.
     */
    private static List<String> targetKeyColumns(Object type, Object targetPersister) {
        if (Boolean.TRUE.equals(call(type, "isReferenceToPrimaryKey")) || targetPersister == null) {
            return List.of();
        }
        Object property = call(type, "getRHSUniqueKeyPropertyName");
        return property == null ? List.of()
                : columns(call(targetPersister, "getPropertyColumnNames", String.class, property));
    }

    /** Whether a to-one attribute's mapped fetch timing is {@code IMMEDIATE} (EAGER) rather than {@code DELAYED}. */
    private static boolean fetchedImmediately(Object persister, String attribute) {
        Object mapping = call(persister, "findAttributeMapping", String.class, attribute);
        Object options = mapping == null ? null : call(mapping, "getMappedFetchOptions");
        Object timing = options == null ? null : call(options, "getTiming");
        return timing != null && timing.toString().equals("IMMEDIATE");
    }

    /** Whether a super entity declares the same to-one (a subclass persister lists its inherited properties too). */
    private static boolean inherited(Association toOne, Map<String, String> superEntities,
                                     Map<String, List<String>> toOneNames) {
        for (String up = superEntities.get(toOne.ownerEntity()); up != null; up = superEntities.get(up)) {
            if (toOneNames.getOrDefault(up, List.of()).contains(toOne.attribute())) {
                return true;
            }
        }
        return false;
    }

    private static MappingIndex.CollectionTable collectionOf(Object persister) {
        String role = (String) call(persister, "getRole");
        String owner = (String) call(call(persister, "getOwnerEntityPersister"), "getEntityName");
        String attribute = role.startsWith(owner + ".") ? role.substring(owner.length() + 1)
                : role.substring(role.lastIndexOf('.') + 1);
        Object elementType = call(persister, "getElementType");
        String target = Boolean.TRUE.equals(call(elementType, "isEntityType"))
                ? (String) call(elementType, "getAssociatedEntityName") : null;
        Association.Kind kind = Boolean.TRUE.equals(call(persister, "isOneToMany")) ? Association.Kind.ONE_TO_MANY
                : Boolean.TRUE.equals(call(persister, "isManyToMany")) ? Association.Kind.MANY_TO_MANY
                : Association.Kind.ELEMENT_COLLECTION;
        boolean eager = !Boolean.TRUE.equals(call(persister, "isLazy"));
        return new MappingIndex.CollectionTable(TableName.parse((String) call(persister, "getTableName")),
                columns(call(persister, "getKeyColumnNames")), new Association(owner, attribute, kind, eager, target));
    }

    /** Column names unquoted and lower-cased. */
    private static List<String> columns(Object names) {
        return Arrays.stream((String[]) names).filter(Objects::nonNull)
                .map(name -> TableName.parse(name)).filter(Objects::nonNull)
                .map(TableName::name).map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }

    private static Object call(Object target, String name) {
        return invoke(target, method(target.getClass(), name), new Object[0]);
    }

    private static Object call(Object target, String name, Class<?> parameter, Object argument) {
        return invoke(target, method(target.getClass(), name, parameter), new Object[] {argument});
    }

    /** The method's result, or null when {@code target} has no such public method. */
    private static Object optional(Object target, String name) {
        try {
            target.getClass().getMethod(name);
        } catch (NoSuchMethodException absent) {
            return null;
        }
        return call(target, name);
    }

    /**
     * The public method, looked up where it is accessible: an implementation class may be package-private while the
     * interface or superclass that declares the method is public.
     */
    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            Method method = type.getMethod(name, parameters);
            if (Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
                return method;
            }
            Method declared = publicDeclaration(type, name, parameters);
            if (declared != null) {
                return declared;
            }
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException absent) {
            throw new IllegalStateException("Hibernate's " + type.getName() + " has no " + name
                    + " method: an unsupported Hibernate version", absent);
        }
    }

    private static Method publicDeclaration(Class<?> type, String name, Class<?>... parameters) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            List<Class<?>> candidates = new ArrayList<>(List.of(c.getInterfaces()));
            candidates.add(0, c);
            for (Class<?> candidate : candidates) {
                if (Modifier.isPublic(candidate.getModifiers())) {
                    try {
                        return candidate.getMethod(name, parameters);
                    } catch (NoSuchMethodException notHere) {
                        // look further up
                    }
                }
            }
        }
        return null;
    }

    private static Object invoke(Object target, Method method, Object[] arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(method + " failed", e.getCause());
        }
    }
}
