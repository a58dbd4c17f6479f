package dev.querybudget.internal.shape;

import dev.querybudget.StatementType;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Raw SQL to {@link ShapedSql}, bounded in entries and in characters.
 *
 * <p>Prepared SQL repeats constantly, so nearly every lookup is a hit on a string the application
 * holds anyway. Two generations bound the memory: entries go to the young map; when it is full it
 * becomes the old map and the previous old map is dropped; a hit in the old map is promoted. That is
 * an approximate LRU of at most {@code 2 × capacity} entries, with no lock and no per-hit allocation. A generation
 * also turns over when its keys reach {@link #MAX_GENERATION_CHARS} characters, so that long statements cannot hold
 * more than that; and each shape's text is bounded ({@link Shape#MAX_LENGTH}).
 */
public final class ShapeCache {

    /** SQL longer than this is shaped every time rather than cached (huge generated statements). */
    static final int MAX_CACHED_LENGTH = 16 * 1024;
    /**
     * Characters of SQL a generation holds at most, besides its entries: 1 M characters (2 MB of keys, at most as much
     * again of shapes) per generation, two generations per dialect in use, whatever the statements' lengths.
     */
    static final long MAX_GENERATION_CHARS = 1L << 20;

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
    /** Characters of SQL the young generation holds (keys; shapes are at most as long): approximate, for the bound. */
    private final AtomicLong youngChars = new AtomicLong();

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
        if (current.size() >= capacity || youngChars.get() + sql.length() > MAX_GENERATION_CHARS) {
            synchronized (this) {
                if (young == current) {
                    old = current;
                    young = new ConcurrentHashMap<>();
                    youngChars.set(0);
                }
                current = young;
            }
        }
        if (current.put(sql, shaped) == null) {
            youngChars.addAndGet(sql.length());
        }
    }

    /** Characters of SQL the cache holds as keys, for the bounded-memory checks. */
    long heldChars() {
        long chars = 0;
        for (String sql : young.keySet()) {
            chars += sql.length();
        }
        for (String sql : old.keySet()) {
            chars += sql.length();
        }
        return chars;
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
            ShapedSql shaped = ShapeLexer.shape(sql, dialect);
            Shape bounded = shaped.shape().bounded();
            return bounded == shaped.shape() ? shaped : new ShapedSql(bounded, shaped.listLength());
        } catch (RuntimeException | StackOverflowError e) {
            dev.querybudget.internal.FailOpen.report("shaping a statement", e);
            String text = "<statement QueryBudget could not shape, hash " + Integer.toHexString(sql.hashCode()) + ">";
            return new ShapedSql(new Shape(text, StatementType.OTHER, false), 0);
        }
    }
}
