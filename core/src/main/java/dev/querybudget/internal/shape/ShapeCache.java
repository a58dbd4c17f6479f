package dev.querybudget.internal.shape;

import dev.querybudget.StatementType;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Raw SQL to {@link ShapedSql}, bounded.
 *
 * <p>Prepared SQL repeats constantly, so nearly every lookup is a hit on a string the application
 * holds anyway. Two generations bound the memory: entries go to the young map; when it is full it
 * becomes the old map and the previous old map is dropped; a hit in the old map is promoted. That is
 * an approximate LRU of at most {@code 2 × capacity} entries, with no lock and no per-hit allocation.
 */
public final class ShapeCache {

    /** SQL longer than this is shaped every time rather than cached (huge generated statements). */
    static final int MAX_CACHED_LENGTH = 16 * 1024;

    /** One cache per dialect, as a text's shape depends on it; an application meets one or two of them. */
    private static final ShapeCache[] SHARED = new ShapeCache[Dialect.values().length];

    static {
        for (Dialect dialect : Dialect.values()) {
            SHARED[dialect.ordinal()] = new ShapeCache(2048, dialect);
        }
    }

    private final int capacity;
    private final Dialect dialect;
    private volatile ConcurrentHashMap<String, ShapedSql> young;
    private volatile ConcurrentHashMap<String, ShapedSql> old;

    ShapeCache(int capacity) {
        this(capacity, Dialect.GENERIC);
    }

    ShapeCache(int capacity, Dialect dialect) {
        this.capacity = capacity;
        this.dialect = dialect;
        this.young = new ConcurrentHashMap<>();
        this.old = new ConcurrentHashMap<>();
    }

    /** The cache the whole JVM shares for statements of no known dialect (H2 and others). */
    public static ShapeCache shared() {
        return SHARED[Dialect.GENERIC.ordinal()];
    }

    /** The cache the whole JVM shares for statements in {@code dialect}. */
    public static ShapeCache shared(Dialect dialect) {
        return SHARED[dialect.ordinal()];
    }

    /** The shape of {@code sql}; never throws. */
    public ShapedSql shape(String sql) {
        if (sql == null) {
            return UNKNOWN;
        }
        ShapedSql hit = young.get(sql);
        if (hit != null) {
            return hit;
        }
        hit = old.get(sql);
        if (hit == null) {
            hit = shapeSafely(sql, dialect);
            if (sql.length() > MAX_CACHED_LENGTH) {
                return hit;
            }
        }
        put(sql, hit);
        return hit;
    }

    private void put(String sql, ShapedSql shaped) {
        ConcurrentHashMap<String, ShapedSql> current = young;
        if (current.size() >= capacity) {
            synchronized (this) {
                if (young == current) {
                    old = current;
                    young = new ConcurrentHashMap<>();
                }
                current = young;
            }
        }
        current.put(sql, shaped);
    }

    /** Shapes {@code sql} without the cache (for benchmarks of the lexer itself); never throws. */
    public static ShapedSql shapeUncached(String sql) {
        return shapeUncached(sql, Dialect.GENERIC);
    }

    /** Shapes {@code sql} in {@code dialect} without the cache; never throws. */
    public static ShapedSql shapeUncached(String sql, Dialect dialect) {
        return sql == null ? UNKNOWN : shapeSafely(sql, dialect);
    }

    int size() {
        return young.size() + old.size();
    }

    private static final ShapedSql UNKNOWN = new ShapedSql(new Shape("", StatementType.OTHER, false), 0);

    /** The lexer is written never to throw; this is the last guard of fail-open, not a code path. */
    static ShapedSql shapeSafely(String sql) {
        return shapeSafely(sql, Dialect.GENERIC);
    }

    static ShapedSql shapeSafely(String sql, Dialect dialect) {
        try {
            return ShapeLexer.shape(sql, dialect);
        } catch (RuntimeException | StackOverflowError e) {
            dev.querybudget.internal.FailOpen.report("shaping a statement", e);
            String text = "<statement QueryBudget could not shape, hash " + Integer.toHexString(sql.hashCode()) + ">";
            return new ShapedSql(new Shape(text, StatementType.OTHER, false), 0);
        }
    }
}
