package dev.querybudget.sink;

import dev.querybudget.Finding;
import dev.querybudget.meter.MeterRecorder;
import dev.querybudget.meter.MeterSchema;
import dev.querybudget.meter.MeterTag;

/** A finished request on the meters of {@link MeterSchema}, through the front's {@link MeterRecorder}. */
final class MeterSink implements ScopeSink {

    private final MeterRecorder recorder;

    MeterSink(MeterRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void accept(FinishedScope scope) {
        if (!(scope instanceof FinishedRequest request)) {
            return;
        }
        recorder.record(MeterSchema.REQUEST_QUERIES, new String[]{MeterTag.METHOD.key(), request.method(),
                MeterTag.URI.key(), request.uri(), MeterTag.OUTCOME.key(), request.outcome().name()},
                request.report().counts().total());
        for (Finding finding : request.report().findings()) {
            recorder.record(MeterSchema.FINDINGS, new String[]{MeterTag.KIND.key(), finding.kind().name(),
                    MeterTag.METHOD.key(), request.method(), MeterTag.URI.key(), request.uri()}, 1);
        }
    }
}
