package dev.querybudget;

import dev.querybudget.internal.scope.ScopeRecording;

/** Test access to a scope's recording, which the API keeps to itself. */
public final class ScopeRecordingAccess {

    private ScopeRecordingAccess() {
    }

    public static ScopeRecording.Footprint footprint(QueryScope scope) {
        return scope.recording().footprint();
    }
}
