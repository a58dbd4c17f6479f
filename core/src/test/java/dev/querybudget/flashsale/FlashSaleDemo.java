package dev.querybudget.flashsale;

import dev.querybudget.QueryBudget;
import dev.querybudget.QueryBudgetSettings;
import dev.querybudget.ScopeReport;
import org.hibernate.Session;

import java.util.List;
import java.util.Map;

/**
 * The flash sale in one command, on the core API alone (until the sample app and the agent exist): 500 orders
 * listed with their items, first by walking lazy associations, then with one JOIN FETCH.
 */
public final class FlashSaleDemo {

    private FlashSaleDemo() {
    }

    public static void main(String[] args) throws java.io.IOException {
        try (var logging = FlashSaleDemo.class.getResourceAsStream("/logging.properties")) {
            java.util.logging.LogManager.getLogManager().readConfiguration(logging); // Hibernate's start-up INFO off
        }
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        QueryBudgetSettings staging = QueryBudgetSettings.defaults().withThreshold(5)
                .withBudget(dev.querybudget.Budget.total(10));
        try (FlashSale sale = FlashSale.seed(orders, Map.of())) {
            run(sale, "GET /users/1/orders (lazy loading)", staging, FlashSaleDemo::lazyItems);
            run(sale, "GET /users/1/orders (JOIN FETCH)", staging, FlashSaleDemo::joinFetchedItems);
        }
    }

    private static void run(FlashSale sale, String name, QueryBudgetSettings settings, Listing listing) {
        long started = System.nanoTime();
        int[] items = new int[1];
        ScopeReport report = QueryBudget.record(name, settings,
                () -> sale.sessionFactory().inSession(session -> items[0] = listing.items(session)));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println(report.format());
        System.out.printf("(%d items listed in %d ms)%n%n", items[0], millis);
    }

    private static int lazyItems(Session session) {
        return countItems(FlashSale.ordersOfCustomer(session));
    }

    private static int joinFetchedItems(Session session) {
        return countItems(FlashSale.ordersWithItems(session));
    }

    private static int countItems(List<PurchaseOrder> orders) {
        int items = 0;
        for (PurchaseOrder order : orders) {
            items += order.getItems().size();
        }
        return items;
    }

    @FunctionalInterface
    private interface Listing {
        int items(Session session);
    }
}
