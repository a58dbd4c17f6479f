package dev.querybudget.internal.detect;

import dev.querybudget.Budget;
import dev.querybudget.BudgetFinding;
import dev.querybudget.BudgetLimit;
import dev.querybudget.Finding;
import dev.querybudget.FindingKind;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.QueryCounts;
import dev.querybudget.ShapeCount;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link FindingKind#QUERY_BUDGET}: a count over its limit, one finding per limit (the total first, then select,
 * insert, update, delete), each with the shapes that ran most (those that ran more than once, each with its call
 * site) and how many statements ran once each; when no shape ran twice and there are at most five, all of them. Its pre-check reads the counts alone.
 */
final class QueryBudgetRule implements Rule {

    private static final int TOP_SHAPES = 5;
    private static final BudgetLimit[] LIMITS = BudgetLimit.values();

    @Override
    public FindingKind kind() {
        return FindingKind.QUERY_BUDGET;
    }

    @Override
    public boolean mayFireOn(QueryCounts counts, QueryBudgetSettings settings) {
        for (BudgetLimit limit : LIMITS) {
            if (isOver(limit, counts, settings.budget())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void detect(ScopeFacts facts) {
        List<ShapeCount> top = new ArrayList<>(TOP_SHAPES);
        long onceOnly = 0;
        for (ShapeCount shape : facts.shapes) {
            if (shape.count() > 1) {
                if (top.size() < TOP_SHAPES) {
                    top.add(shape);
                }
            } else {
                onceOnly += shape.count();
            }
        }
        if (top.isEmpty() && facts.shapes.size() <= TOP_SHAPES) {
            top.addAll(facts.shapes); // every statement ran once, and they are few: all of them, nothing chosen
            onceOnly = 0;
        }
        for (BudgetLimit limit : LIMITS) {
            if (isOver(limit, facts.counts, facts.settings.budget())) {
                facts.findings.add(new BudgetFinding(facts.scope, limit, count(limit, facts.counts),
                        allowed(limit, facts.settings.budget()), top, onceOnly, hint()));
            }
        }
    }

    @Override
    public String headline(Finding finding) {
        BudgetFinding budget = (BudgetFinding) finding;
        String statements = budget.count() == 1 ? "statement" : "statements";
        return kind().title() + ": " + budget.count() + " " + (budget.limit() == BudgetLimit.TOTAL ? statements
                : budget.limit().key() + " " + statements) + " ran, the budget allows " + budget.allowed();
    }

    private static String hint() {
        return "cut the statements the code runs (see the shapes that ran most), or raise the budget if the work"
                + " really needs them";
    }

    private static boolean isOver(BudgetLimit limit, QueryCounts counts, Budget budget) {
        int allowed = allowed(limit, budget);
        return allowed >= 0 && count(limit, counts) > allowed;
    }

    private static long count(BudgetLimit limit, QueryCounts counts) {
        return switch (limit) {
            case TOTAL -> counts.total();
            case SELECT -> counts.select();
            case INSERT -> counts.insert();
            case UPDATE -> counts.update();
            case DELETE -> counts.delete();
        };
    }

    private static int allowed(BudgetLimit limit, Budget budget) {
        return switch (limit) {
            case TOTAL -> budget.total();
            case SELECT -> budget.select();
            case INSERT -> budget.insert();
            case UPDATE -> budget.update();
            case DELETE -> budget.delete();
        };
    }
}
