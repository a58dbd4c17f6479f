package com.example.orders;

import dev.querybudget.CallSiteCount;
import dev.querybudget.ShapeFinding;
import dev.querybudget.sink.FinishedScope;
import dev.querybudget.sink.ScopeSink;

import java.util.stream.Collectors;

/**
 * {@link FanOutApp}'s sink: one line per {@code /fanout} request with its statements and each shape finding's kind,
 * count and call sites, for the tests to read.
 */
public final class FanOutSink implements ScopeSink {

    @Override
    public void accept(FinishedScope scope) {
        String name = scope.report().name();
        if (!name.contains("/fanout/")) {
            return;
        }
        String findings = scope.report().findings().stream().filter(ShapeFinding.class::isInstance)
                .map(ShapeFinding.class::cast)
                .map(finding -> finding.kind() + " x" + finding.count() + " at " + finding.callSites().stream()
                        .map(FanOutSink::site).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        System.out.println("fanout: \"" + name + "\" statements=" + scope.report().counts().total()
                + " findings=[" + findings + "]");
    }

    private static String site(CallSiteCount site) {
        return site.callSite() == null ? "null x" + site.count()
                : site.callSite().className() + "." + site.callSite().methodName() + " x" + site.count();
    }
}
