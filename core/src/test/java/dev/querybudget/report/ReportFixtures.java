package dev.querybudget.report;

import dev.querybudget.BudgetFinding;
import dev.querybudget.BudgetLimit;
import dev.querybudget.CallSite;
import dev.querybudget.CallSiteCount;
import dev.querybudget.Certainty;
import dev.querybudget.FindingKind;
import dev.querybudget.ShapeCount;
import dev.querybudget.ShapeFinding;
import dev.querybudget.StatementShape;
import dev.querybudget.internal.shape.ShapeCache;

import java.util.List;

/** Findings as the detector builds them, with fixed values so that reports can be asserted word for word. */
final class ReportFixtures {

    static final StatementShape ITEMS = ShapeCache.shapeUncached(
            "select i1_0.order_id, i1_0.id from order_item i1_0 where i1_0.order_id = ?").shape();
    static final StatementShape ORDERS = ShapeCache.shapeUncached(
            "select o1_0.id from orders o1_0 where o1_0.customer_id = ?").shape();
    static final CallSite LOOP = new CallSite("com.example.OrderService", "listOrders", "OrderService.java", 42);
    static final CallSite CONTROLLER = new CallSite("com.example.OrderController", "orders", "OrderController.java", 17);

    private ReportFixtures() {
    }

    static ShapeFinding nPlusOne() {
        return new ShapeFinding(FindingKind.N_PLUS_ONE, "GET /orders", ITEMS, 500, 500, 153_250_000, LOOP,
                List.of(LOOP, CONTROLLER), ORDERS, "load the association with the query before the loop (JOIN FETCH"
                + " or @EntityGraph), or batch the lazy loads (@BatchSize, or hibernate.default_batch_fetch_size)",
                List.of(), List.of(new CallSiteCount(LOOP, 500, 500)), "PurchaseOrder.items", Certainty.CONFIRMED, 500,
                null, CONTROLLER);
    }

    /** The same row read once in each of two controller methods. */
    static ShapeFinding duplicateFromTwoSites() {
        return new ShapeFinding(FindingKind.DUPLICATE, "GET /orders", ORDERS, 2, 1, 1_500_000, CONTROLLER,
                List.of(CONTROLLER), null, "read it once", List.of(),
                List.of(new CallSiteCount(CONTROLLER, 1, 1), new CallSiteCount(LOOP, 1, 1)), null, null, -1, null,
                null);
    }

    static BudgetFinding budget() {
        return new BudgetFinding("GET /orders", BudgetLimit.SELECT, 501, 10,
                List.of(new ShapeCount(ITEMS, 500, 500, 150_000_000, LOOP)), 1,
                "cut the statements the code runs (see the shapes that ran most), or raise the budget if the work"
                        + " really needs them");
    }
}
