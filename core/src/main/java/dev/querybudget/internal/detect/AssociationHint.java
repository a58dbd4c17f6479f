package dev.querybudget.internal.detect;

import dev.querybudget.internal.hibernate.Association;

import java.util.Locale;

/**
 * The fix for an N+1 that Hibernate ORM issued, for the association it was loading: how to fetch it with the query
 * that loaded the rows, and how to batch it, in the words of that mapping ({@code left join fetch p.items},
 * {@code @EntityGraph(attributePaths = "items")}, {@code @BatchSize} where it goes for that kind).
 */
final class AssociationHint {

    private AssociationHint() {
    }

    /** {@code PurchaseOrder.items (a lazy @OneToMany)}: what the finding's text says it loads. */
    static String describe(Association association) {
        return association.label() + " (" + (association.eager() ? "an EAGER " : "a lazy ") + annotation(association)
                + ")";
    }

    static String hint(Association association) {
        String owner = simpleName(association.ownerEntity());
        String alias = owner.substring(0, 1).toLowerCase(Locale.ROOT);
        String attribute = association.attribute();
        String joinFetch = (isToOne(association) ? "join fetch " : "left join fetch ") + alias + "." + attribute;
        String graph = "@EntityGraph(attributePaths = \"" + attribute + "\")";
        if (isToOne(association)) {
            String target = association.targetEntity() == null ? "target" : simpleName(association.targetEntity());
            if (association.eager()) {
                return describe(association) + " is loaded with one select per " + owner + " after the query: fetch"
                        + " it in that query (" + joinFetch + " in JPQL, or " + graph + " on the repository method), or"
                        + " make it " + annotation(association) + "(fetch = FetchType.LAZY) and fetch it where it is used";
            }
            return "fetch " + describe(association) + " with the query that loads the " + owner + " rows ("
                    + joinFetch + " in JPQL, or " + graph + " on the repository method), or batch the " + target
                    + " proxies with @BatchSize(size = 50) on the " + target + " class (or"
                    + " hibernate.default_batch_fetch_size)";
        }
        if (association.eager()) {
            return describe(association) + " is loaded with one select per " + owner + " after the query: fetch it"
                    + " in that query (" + joinFetch + " in JPQL, or " + graph + " on the repository method), or make"
                    + " it lazy and fetch it where it is used; @BatchSize(size = 50) on " + owner + "." + attribute
                    + " batches the loads";
        }
        return "fetch " + describe(association) + " with the query that loads the " + owner + " rows (" + joinFetch
                + " in JPQL, or " + graph + " on the repository method), or batch the loads with @BatchSize(size = 50)"
                + " on " + owner + "." + attribute + " (or hibernate.default_batch_fetch_size)";
    }

    private static boolean isToOne(Association association) {
        return association.kind() == Association.Kind.MANY_TO_ONE || association.kind() == Association.Kind.ONE_TO_ONE;
    }

    private static String annotation(Association association) {
        return switch (association.kind()) {
            case ONE_TO_MANY -> "@OneToMany";
            case MANY_TO_MANY -> "@ManyToMany";
            case MANY_TO_ONE -> "@ManyToOne";
            case ONE_TO_ONE -> "@OneToOne";
            case ELEMENT_COLLECTION -> "@ElementCollection";
        };
    }

    private static String simpleName(String entity) {
        String simple = entity.substring(entity.lastIndexOf('.') + 1);
        return simple.substring(simple.lastIndexOf('$') + 1);
    }
}
