package dev.querybudget.agent;

import net.bytebuddy.dynamic.Nexus;

/**
 * Byte Buddy settings the agent makes before its first {@code AgentBuilder}.
 *
 * <p>Every {@code AgentBuilder.Default} constructor prepares Byte Buddy's Nexus (a way to run type initializers in
 * classes it creates), which reaches {@code sun.misc.Unsafe}; JDK 24 and later print a four-line warning on that
 * first call. The agent never uses the Nexus (it makes no class format changes), so it switches it off unless the
 * user set it. {@link Nexus#PROPERTY} is relocated with Byte Buddy, so only the agent's own copy reads it.
 */
final class ByteBuddyDefaults {

    private ByteBuddyDefaults() {
    }

    static void apply() {
        if (System.getProperty(Nexus.PROPERTY) == null) {
            System.setProperty(Nexus.PROPERTY, "true");
        }
    }
}
