package dev.querybudget.internal.detect;

import dev.querybudget.internal.shape.Shape;

/** What to do about a finding, worded for the SQL that produced it. */
final class FixHints {

    private FixHints() {
    }

    static String nPlusOne(Shape shape) {
        if (shape.isHibernateGenerated()) {
            return "load the association with the query before the loop (JOIN FETCH or @EntityGraph), or batch the"
                    + " lazy loads (@BatchSize, or hibernate.default_batch_fetch_size)";
        }
        return "load the rows in one query before the loop (a JOIN, or WHERE … IN (…) over all the keys) instead"
                + " of one query per row";
    }

    static String duplicate() {
        return "run it once: keep the first result (a local variable or a cache) or hoist the query out of the loop";
    }

    static String unbatchedWrite() {
        return "send the rows as one JDBC batch (addBatch/executeBatch); with Hibernate set"
                + " hibernate.jdbc.batch_size (and hibernate.order_inserts / hibernate.order_updates)";
    }

    static String budget() {
        return "cut the statements the code runs (see the shapes that ran most), or raise the budget if the work"
                + " really needs them";
    }
}
