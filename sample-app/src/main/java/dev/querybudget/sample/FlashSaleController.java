package dev.querybudget.sample;

import dev.querybudget.sample.OrderViews.OrderView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@RestController
class FlashSaleController {

    private final OrderService orders;
    private final CatalogService catalog;

    FlashSaleController(OrderService orders, CatalogService catalog) {
        this.orders = orders;
        this.catalog = catalog;
    }

    @GetMapping("/users/{userId}/orders")
    List<OrderView> orders(@PathVariable long userId) {
        return orders.ordersWithLazyItems(userId);
    }

    @GetMapping("/users/{userId}/orders/fetched")
    List<OrderView> ordersFetched(@PathVariable long userId) {
        return orders.ordersFetched(userId);
    }

    @GetMapping("/users/{userId}/orders/entity-graph")
    List<OrderView> ordersWithEntityGraph(@PathVariable long userId) {
        return orders.ordersWithEntityGraph(userId);
    }

    @GetMapping("/users/{userId}/orders/batched")
    List<OrderView> ordersBatched(@PathVariable long userId) {
        return orders.ordersBatched(userId);
    }

    @GetMapping("/catalog/featured")
    List<String> featured() {
        return catalog.featuredPage();
    }

    @GetMapping("/catalog/featured/once")
    List<String> featuredOnce() {
        return catalog.featuredPageOnce();
    }

    @PostMapping("/products/import")
    Map<String, Integer> importProducts(@RequestParam(defaultValue = "100") int count,
                                        @RequestParam(defaultValue = "false") boolean batched) {
        return Map.of("imported", catalog.importProducts(count, batched));
    }
}
