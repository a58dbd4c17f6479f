package dev.querybudget.internal.scope;

import dev.querybudget.CallSite;
import dev.querybudget.internal.shape.Shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one scope knows about one shape. Fixed-size whatever the executions: counters, at most
 * {@link #MAX_PARAMETER_HASHES} parameter hashes, at most {@link #MAX_CALL_SITES} call sites (each with at most
 * {@link #SITE_HASHES} parameter hashes of its own) and {@link #MAX_PARAMETER_SAMPLES} opted-in parameter samples.
 *
 * <p>Call sites are sampled, never taken for every execution (a stack walk costs more than a lookup on an in-memory
 * database). The first execution carries none (most shapes run once in a scope), unless the shape has already
 * repeated in an earlier scope of this JVM, or the scope asked for exact call sites (a test's). Then each of the next
 * {@link #EAGER_SAMPLES} executions carries one, and after that one per doubling of the count. Within the eager
 * window, counts and distinct parameter sets per call site are exact; beyond it, the unsampled executions are shared
 * out among the sites in proportion to their samples, by largest remainder, so the per-site counts always add up to
 * the executions. An unsampled first execution counts with the first sampled call site: a loop's first iteration is
 * its second's twin.
 */
public final class ShapeStats {

    static final int MAX_PARAMETER_HASHES = 64;
    static final int EAGER_SAMPLES = 16;
    /** Samples per doubling of the count, past the eager window. */
    static final int SAMPLES_PER_DOUBLING = 1;
    static final int MAX_CALL_SITES = 8;
    static final int SITE_HASHES = 32;
    static final int MAX_PARAMETER_SAMPLES = 3;
    static final int SITE_FRAMES = 3;

    final Shape shape;
    final Shape preceding;
    /** The rows of the statement run just before this shape's first execution; {@code null} when not counted. */
    private final RowCount precedingRows;

    long count;
    long singleExecutions;
    long batchExecutions;
    long totalNanos;
    int maxListLength;

    /** The parameter hashes seen, open addressing; {@code null} until a second set arrives (most shapes run once). */
    private long[] hashTable;
    /** Per slot of {@link #hashTable}: the site that ran the set first, or -1 when that execution was not sampled. */
    private byte[] firstSites;
    private long firstHash;
    private int firstSite = -1;
    private int hashCount;
    long distinct;
    /** Whether the first execution carried a call site (the shape had repeated in an earlier scope). */
    private boolean firstSampled;
    /** Whether a parameter set first run by an unsampled execution was run again. */
    private boolean unsampledRepeated;

    private final List<Site> sites = new ArrayList<>(1);
    long samples;

    private List<String> parameterSamples = List.of();

    ShapeStats(Shape shape, Shape preceding, RowCount precedingRows) {
        this.shape = shape;
        this.preceding = preceding;
        this.precedingRows = precedingRows;
    }

    /**
     * Whether the execution about to be recorded should carry a call site; the first does when {@code sampleFirst}
     * (a test's scope) or when the shape has repeated in an earlier scope.
     */
    boolean wantsCallSite(boolean sampleFirst) {
        long next = count + 1;
        if (next == 1) {
            return sampleFirst || shape.hasRepeated();
        }
        if (samples < EAGER_SAMPLES + (firstSampled ? 1 : 0)) {
            return true;
        }
        long stride = Math.max(1, Long.highestOneBit(next) / SAMPLES_PER_DOUBLING);
        return next % stride == 0;
    }

    boolean wantsParameterSample() {
        return parameterSamples.size() < MAX_PARAMETER_SAMPLES;
    }

    void addParameterSample(String sample) {
        if (parameterSamples.isEmpty()) {
            parameterSamples = new ArrayList<>(MAX_PARAMETER_SAMPLES);
        }
        parameterSamples.add(sample);
    }

    /**
     * Records one execution; {@code stack} is its call site when it was sampled, else {@code null}, and
     * {@code context} what ran it when the stack holds no application frame.
     */
    void record(long parameterHash, int batchRows, int listLength, long nanos, List<CallSite> stack, String context) {
        count++;
        if (count == 2) {
            shape.markRepeated();
        }
        totalNanos += nanos;
        if (listLength > maxListLength) {
            maxListLength = listLength;
        }
        Site site = null;
        if (stack != null) {
            samples++;
            if (count == 1) {
                firstSampled = true;
            }
            site = siteOf(stack, context);
            if (site != null) {
                site.samples++;
            }
        }
        if (batchRows > 0) {
            batchExecutions++;
        } else {
            singleExecutions++;
            int siteIndex = site == null ? -1 : sites.indexOf(site);
            int first = addParameterHash(parameterHash, stack == null ? -2 : siteIndex);
            if (first != NEW) {
                if (first >= 0) {
                    sites.get(first).ranRepeatedFirst = true;
                } else if (first == UNSAMPLED) {
                    unsampledRepeated = true;
                }
                if (site != null) {
                    site.repeats++;
                }
            }
            if (site != null) {
                site.addHash(parameterHash);
            }
        }
    }

    private static final int NEW = Integer.MIN_VALUE;
    private static final int UNSAMPLED = -1;
    private static final int UNKNOWN = -2;

    /**
     * Adds a parameter set run from site {@code site} (-1 when the site is unknown past the sites kept, -2 when the
     * execution was not sampled); returns {@link #NEW}, or for a set run before, the site that ran it first
     * ({@link #UNSAMPLED} when that execution was not sampled, {@link #UNKNOWN} when it is not known).
     */
    private int addParameterHash(long hash, int site) {
        int firstOf = site == -2 ? UNSAMPLED : site < 0 ? UNKNOWN : site;
        if (hashCount == 0) {
            firstHash = hash;
            firstSite = firstOf;
            hashCount = 1;
            distinct = 1;
            return NEW;
        }
        if (hashTable == null) {
            if (hash == firstHash) {
                return firstSite;
            }
            hashTable = new long[16];
            firstSites = new byte[16];
            hashCount = 0;
            insert(firstHash, firstSite);
        }
        int slot = slotOf(hash);
        if (hashTable[slot] == hash) {
            return firstSites[slot]; // a parameter set seen before
        }
        distinct++;
        if (hashCount >= MAX_PARAMETER_HASHES) {
            // Full: a new set counts as distinct without being kept, so past 64 sets a repeat of an unkept set
            // counts as distinct again: distinct is then an upper bound and repeats a lower bound.
            return NEW;
        }
        hashTable[slot] = hash;
        firstSites[slot] = (byte) firstOf;
        hashCount++;
        if (hashCount * 2 > hashTable.length && hashTable.length < MAX_PARAMETER_HASHES * 2) {
            rehash(hashTable.length * 2);
        }
        return NEW;
    }

    private void insert(long hash, int site) {
        int slot = slotOf(hash);
        hashTable[slot] = hash;
        firstSites[slot] = (byte) site;
        hashCount++;
    }

    /** Where {@code hash} is in the table, or the empty slot where it goes (linear probing; 0 is empty). */
    private int slotOf(long hash) {
        int mask = hashTable.length - 1;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (hashTable[slot] != 0 && hashTable[slot] != hash) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void rehash(int size) {
        long[] old = hashTable;
        byte[] oldSites = firstSites;
        hashTable = new long[size];
        firstSites = new byte[size];
        hashCount = 0;
        for (int k = 0; k < old.length; k++) {
            if (old[k] != 0) {
                insert(old[k], oldSites[k]);
            }
        }
    }

    /** The site of {@code stack}, added when new; {@code null} past {@link #MAX_CALL_SITES}. */
    private Site siteOf(List<CallSite> stack, String context) {
        for (Site site : sites) {
            if (sameSite(site.stack, stack)) {
                return site;
            }
        }
        if (sites.size() >= MAX_CALL_SITES) {
            return null;
        }
        Site site = new Site(stack, context);
        sites.add(site);
        return site;
    }

    /**
     * Whether two stacks are one call site: the same first {@link #SITE_FRAMES} application frames. One frame
     * would merge two loops that share a helper (a DAO method, a query utility); the whole stack would split a
     * recursive traversal into one site per depth.
     */
    public static boolean sameSite(List<CallSite> a, List<CallSite> b) {
        if (Math.min(a.size(), SITE_FRAMES) != Math.min(b.size(), SITE_FRAMES)) {
            return false;
        }
        for (int k = 0; k < Math.min(a.size(), SITE_FRAMES); k++) {
            if (!a.get(k).equals(b.get(k))) {
                return false;
            }
        }
        return true;
    }

    public Shape shape() {
        return shape;
    }

    /** The shape run just before this one's first execution in the scope, or {@code null}. */
    public Shape preceding() {
        return preceding;
    }

    /** The rows the statement before this shape's first execution returned; -1 when they were not counted. */
    public long precedingRows() {
        return precedingRows == null ? -1 : precedingRows.rows();
    }

    /** Executions, a batch counting once. */
    public long count() {
        return count;
    }

    /** Executions outside a JDBC batch. */
    public long singleExecutions() {
        return singleExecutions;
    }

    public long totalNanos() {
        return totalNanos;
    }

    /** The longest folded list ({@code IN (…)}, {@code VALUES} rows, a bound array) among the executions. */
    public int maxListLength() {
        return maxListLength;
    }

    /** Distinct parameter sets among the single executions (exact up to 64). */
    public long distinct() {
        return distinct;
    }

    /** Single executions with a parameter set run before (a lower bound past 64 sets). */
    public long repeatedExecutions() {
        return singleExecutions - distinct;
    }

    public int callSiteCount() {
        return sites.size();
    }

    /** The frames of sampled call site {@code index}, call site first; empty when none was an application frame. */
    public List<CallSite> callSiteStack(int index) {
        return sites.get(index).stack;
    }

    /** What ran the statements of call site {@code index} when its stack holds no application frame, or null. */
    public String callSiteContext(int index) {
        return sites.get(index).context;
    }

    /** Whether call site {@code index} ran a parameter set that it or another site ran before. */
    public boolean callSiteRepeated(int index) {
        return sites.get(index).repeats > 0;
    }

    /** Whether a parameter set call site {@code index} ran first was run again, there or at another site. */
    public boolean callSiteRanRepeatedFirst(int index) {
        return sites.get(index).ranRepeatedFirst;
    }

    /** Whether call site {@code index} ran one of its own parameter sets again (among its sampled executions). */
    public boolean callSiteRepeatedItself(int index) {
        Site site = sites.get(index);
        return site.hashed > site.distinct;
    }

    /** Whether a parameter set whose first execution carried no call site was run again. */
    public boolean unsampledRepeated() {
        return unsampledRepeated;
    }

    /** The application frame of the call site that ran the shape most, or {@code null} when none is known. */
    public CallSite dominantCallSite() {
        if (sites.isEmpty()) {
            return null;
        }
        long[] executions = estimatedExecutions();
        int best = 0;
        for (int k = 1; k < executions.length; k++) {
            if (executions[k] > executions[best]) {
                best = k;
            }
        }
        List<CallSite> stack = sites.get(best).stack;
        return stack.isEmpty() ? null : stack.get(0);
    }

    public List<String> parameterSamples() {
        return List.copyOf(parameterSamples);
    }

    /**
     * The executions of each call site, in site order: exact within the eager window, then the unsampled executions
     * shared out by largest remainder. They add up to {@link #count()} (to the sampled share when more than
     * {@link #MAX_CALL_SITES} sites ran the shape).
     */
    public long[] estimatedExecutions() {
        int n = sites.size();
        long[] executions = new long[n];
        if (n == 0) {
            return executions;
        }
        long sampled = 0;
        for (int k = 0; k < n; k++) {
            executions[k] = sites.get(k).samples;
            sampled += executions[k];
        }
        long unsampled = count - samples;
        if (!firstSampled && unsampled > 0) {
            executions[0]++;
            unsampled--;
        }
        if (unsampled > 0 && sampled > 0) {
            long given = 0;
            double[] remainders = new double[n];
            for (int k = 0; k < n; k++) {
                double share = (double) unsampled * sites.get(k).samples / sampled;
                long whole = (long) Math.floor(share);
                executions[k] += whole;
                given += whole;
                remainders[k] = share - whole;
            }
            for (long left = unsampled - given; left > 0; left--) {
                int best = 0;
                for (int k = 1; k < n; k++) {
                    if (remainders[k] > remainders[best]) {
                        best = k;
                    }
                }
                executions[best]++;
                remainders[best] = -1;
            }
        }
        return executions;
    }

    /**
     * The distinct parameter sets of each call site, in site order, given its {@code executions} (from
     * {@link #estimatedExecutions()}): exact within the eager window, then scaled with the site's share.
     */
    public long[] estimatedDistinct(long[] executions) {
        long[] result = new long[sites.size()];
        for (int k = 0; k < result.length; k++) {
            Site site = sites.get(k);
            long sampledSingle = site.samples - site.unhashed();
            long known = site.distinct;
            long extra = executions[k] - site.samples;
            if (k == 0 && !firstSampled && extra > 0 && firstSite == UNSAMPLED) {
                extra--;
                sampledSingle++;
                if (!site.has(firstHash)) {
                    known++;
                }
            }
            long estimate = known + (extra <= 0 || sampledSingle <= 0 ? 0
                    : Math.round((double) extra * known / sampledSingle));
            result[k] = Math.max(executions[k] > 0 ? 1 : 0, Math.min(estimate, Math.min(executions[k], distinct)));
        }
        return result;
    }

    /** Entries held by the variable-size parts, for the bounded-memory check. */
    int retainedEntries() {
        int entries = hashTable == null ? 1 : hashTable.length;
        for (Site site : sites) {
            entries += CallSites.STACK_FRAMES + (site.hashes == null ? 1 : site.hashes.length);
        }
        return entries + parameterSamples.size();
    }

    /** One sampled call site: its stack, its samples and the parameter sets among them. */
    private static final class Site {

        final List<CallSite> stack;
        final String context;
        long samples;
        /** Sampled executions with a parameter set run before, here or at another site. */
        long repeats;
        boolean ranRepeatedFirst;
        private long[] hashes;
        private int hashCount;
        /** Distinct sets among the sampled single executions; past {@link #SITE_HASHES}, an upper bound. */
        long distinct;
        long hashed;

        Site(List<CallSite> stack, String context) {
            this.stack = stack;
            this.context = context;
        }

        /** Sampled executions that were batches, so carried no parameter set. */
        long unhashed() {
            return samples - hashed;
        }

        void addHash(long hash) {
            hashed++;
            if (has(hash)) {
                return;
            }
            distinct++;
            if (hashes == null) {
                hashes = new long[4];
            }
            if (hashCount == hashes.length) {
                if (hashCount >= SITE_HASHES) {
                    return;
                }
                hashes = Arrays.copyOf(hashes, hashCount * 2);
            }
            hashes[hashCount++] = hash;
        }

        boolean has(long hash) {
            for (int k = 0; k < hashCount; k++) {
                if (hashes[k] == hash) {
                    return true;
                }
            }
            return false;
        }
    }
}
