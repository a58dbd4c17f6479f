package dev.querybudget;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A finding's stable identity, the same across restarts, instances and machines, so that findings can be counted,
 * deduplicated, suppressed and merged: 16 hex digits of the SHA-256 of what the problem is, never of bind values.
 * <ul>
 *   <li>a shape finding: its kind, its shape (literals already folded to {@code ?}) and the class and method of
 *       each of the first three frames of its call site, as the detector tells call sites apart (two loops that reach
 *       the database through one helper method are two problems, never one fingerprint) — not the lines, nor the
 *       numbers the compiler gives lambdas, so that an edit elsewhere in a file keeps it; without a call site, what
 *       ran the statements instead. One loop reached from two callers whose frames differ within those three is two
 *       fingerprints;</li>
 *   <li>a budget finding: its kind, its scope (a route template, a test's name) and the limit it is over.</li>
 * </ul>
 * The inputs are versioned ({@code v1}): a change to what identifies a finding is a new version, never a silent one.
 */
final class Fingerprints {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** The frames that make one call site, as the detector tells call sites apart. */
    private static final int SITE_FRAMES = 3;
    /** The compiler's number of a lambda body ({@code lambda$list$3}), which changes as lambdas are added above it. */
    private static final Pattern LAMBDA_NUMBER = Pattern.compile("(?<=^lambda\\$.{1,200})\\$\\d+$");

    private Fingerprints() {
    }

    static String of(ShapeFinding finding) {
        StringBuilder where = new StringBuilder();
        List<CallSite> stack = finding.stack();
        for (int k = 0; k < Math.min(SITE_FRAMES, stack.size()); k++) {
            where.append(k == 0 ? "" : " < ").append(stack.get(k).className()).append('#')
                    .append(LAMBDA_NUMBER.matcher(stack.get(k).methodName()).replaceFirst(""));
        }
        if (where.isEmpty()) {
            where.append(finding.context() != null ? "context:" + finding.context() : "unknown");
        }
        return hash("v1\n" + finding.kind().name() + "\n" + finding.sql() + "\n" + where);
    }

    static String of(BudgetFinding finding) {
        return hash("v1\n" + finding.kind().name() + "\n" + finding.scope() + "\n" + finding.limit().key());
    }

    private static String hash(String identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            char[] hex = new char[16];
            for (int k = 0; k < 8; k++) {
                hex[2 * k] = HEX[(digest[k] >> 4) & 0xf];
                hex[2 * k + 1] = HEX[digest[k] & 0xf];
            }
            return new String(hex);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }
}
