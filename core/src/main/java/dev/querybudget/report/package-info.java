/**
 * A scope's report rendered for people ({@link dev.querybudget.report.FindingRenderer}, the text every front prints)
 * and for machines ({@link dev.querybudget.report.JsonRenderer}, one JSON line per finding).
 *
 * @since 0.1.0
 */
package dev.querybudget.report;
