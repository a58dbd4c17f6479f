package dev.querybudget.internal.scope;

import dev.querybudget.CallSite;
import dev.querybudget.internal.shape.Shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one scope knows about one shape. Fixed-size whatever the executions: counters, at most
 * {@link #MAX_PARAMETER_HASHES} parameter hashes, at most {@link #MAX_CALL_SITES} call sites and
 * {@link #MAX_PARAMETER_SAMPLES} opted-in parameter samples.
 *
 * <p>Call sites are sampled, never taken for every execution: none for the first execution (most shapes never
 * repeat), then one for each of the next {@link #EAGER_SAMPLES} executions, then one at every power of two. The
 * first, unsampled execution is counted with the first sampled call site: a loop's first iteration is its
 * second's twin. Beyond the eager window, executions are shared out in proportion to the samples.
 */
public final class ShapeStats {

    static final int MAX_PARAMETER_HASHES = 64;
    static final int EAGER_SAMPLES = 8;
    static final int MAX_CALL_SITES = 8;
    static final int MAX_PARAMETER_SAMPLES = 3;
    static final int SITE_FRAMES = 3;

    final Shape shape;
    final Shape preceding;

    long count;
    long singleExecutions;
    long batchExecutions;
    long totalNanos;
    int maxListLength;

    /** The parameter hashes seen, open addressing; {@code null} until a second set arrives (most shapes run once). */
    private long[] hashTable;
    private long firstHash;
    private int hashCount;
    long distinct;

    private final List<List<CallSite>> sites = new ArrayList<>(1);
    private long[] siteSamples = new long[1];
    long samples;

    private List<String> parameterSamples = List.of();

    ShapeStats(Shape shape, Shape preceding) {
        this.shape = shape;
        this.preceding = preceding;
    }

    /** Whether the execution about to be recorded should carry a call site. */
    boolean wantsCallSite() {
        long next = count + 1;
        return next >= 2 && (samples < EAGER_SAMPLES || Long.bitCount(next) == 1);
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

    void record(long parameterHash, int batchRows, int listLength, long nanos, List<CallSite> stack) {
        count++;
        totalNanos += nanos;
        if (listLength > maxListLength) {
            maxListLength = listLength;
        }
        if (batchRows > 0) {
            batchExecutions++;
        } else {
            singleExecutions++;
            addParameterHash(parameterHash);
        }
        if (stack != null) {
            addSample(stack);
        }
    }

    private void addParameterHash(long hash) {
        if (hashCount == 0) {
            firstHash = hash;
            hashCount = 1;
            distinct = 1;
            return;
        }
        if (hashTable == null) {
            if (hash == firstHash) {
                return;
            }
            hashTable = new long[16];
            hashCount = 0;
            insert(firstHash);
        }
        int slot = slotOf(hash);
        if (hashTable[slot] == hash) {
            return; // a parameter set seen before
        }
        distinct++;
        if (hashCount >= MAX_PARAMETER_HASHES) {
            // Full: a new set counts as distinct without being kept, so past 64 sets a repeat of an unkept set
            // counts as distinct again: distinct is then an upper bound and repeats a lower bound.
            return;
        }
        hashTable[slot] = hash;
        hashCount++;
        if (hashCount * 2 > hashTable.length && hashTable.length < MAX_PARAMETER_HASHES * 2) {
            rehash(hashTable.length * 2);
        }
    }

    private void insert(long hash) {
        hashTable[slotOf(hash)] = hash;
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
        hashTable = new long[size];
        hashCount = 0;
        for (long hash : old) {
            if (hash != 0) {
                insert(hash);
            }
        }
    }

    private void addSample(List<CallSite> stack) {
        samples++;
        for (int k = 0; k < sites.size(); k++) {
            if (sameSite(sites.get(k), stack)) {
                siteSamples[k]++;
                return;
            }
        }
        if (sites.size() < MAX_CALL_SITES) {
            if (sites.size() == siteSamples.length) {
                siteSamples = Arrays.copyOf(siteSamples, siteSamples.length * 2);
            }
            siteSamples[sites.size()] = 1;
            sites.add(stack);
        }
    }

    /**
     * Whether two stacks are one call site: the same first {@link #SITE_FRAMES} application frames. One frame
     * would merge two loops that share a helper (a DAO method, a query utility); the whole stack would split a
     * recursive traversal into one site per depth.
     */
    static boolean sameSite(List<CallSite> a, List<CallSite> b) {
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

    /** The frames of sampled call site {@code index}, call site first. */
    public List<CallSite> callSiteStack(int index) {
        return sites.get(index);
    }

    public List<String> parameterSamples() {
        return List.copyOf(parameterSamples);
    }

    /** The executions attributed to call site {@code index} (see the class comment). */
    public long estimatedExecutions(int index) {
        if (samples == 0) {
            return 0;
        }
        long unsampled = count - samples;
        long firstIteration = index == 0 && unsampled > 0 ? 1 : 0;
        long rest = unsampled - (unsampled > 0 ? 1 : 0);
        return siteSamples[index] + firstIteration + Math.round((double) rest * siteSamples[index] / samples);
    }

    /** Entries held by the variable-size parts, for the bounded-memory check. */
    int retainedEntries() {
        return (hashTable == null ? 1 : hashTable.length) + sites.size() * CallSites.STACK_FRAMES + parameterSamples.size();
    }
}
