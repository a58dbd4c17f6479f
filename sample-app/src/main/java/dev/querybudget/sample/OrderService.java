package dev.querybudget.sample;

import dev.querybudget.sample.OrderViews.ItemView;
import dev.querybudget.sample.OrderViews.OrderView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A user's orders with their items and products, three ways. */
@Service
@Transactional(readOnly = true)
public class OrderService {

    static final int BATCH = 100;

    private final OrderRepository orders;

    OrderService(OrderRepository orders) {
        this.orders = orders;
    }

    /** The N+1: the orders, then each order's items, then each item's product, as the loop walks them. */
    public List<OrderView> ordersWithLazyItems(long userId) {
        List<OrderView> views = new ArrayList<>();
        for (PurchaseOrder order : orders.findByCustomerIdOrderById(userId)) {
            List<ItemView> items = new ArrayList<>();
            for (OrderItem item : order.getItems()) {
                items.add(new ItemView(item.getProduct().getName(), item.getQuantity()));
            }
            views.add(new OrderView(order.getId(), items));
        }
        return views;
    }

    /** The fix: one query, JOIN FETCH. */
    public List<OrderView> ordersFetched(long userId) {
        return toViews(orders.findWithItemsByCustomerId(userId));
    }

    /** The same fix with an entity graph. */
    public List<OrderView> ordersWithEntityGraph(long userId) {
        return toViews(orders.findGraphByCustomerId(userId));
    }

    /** The batch fix: the orders, then their items in IN lists of up to 100 orders. */
    public List<OrderView> ordersBatched(long userId) {
        Map<Long, List<ItemView>> items = new LinkedHashMap<>();
        for (PurchaseOrder order : orders.findByCustomerIdOrderById(userId)) {
            items.put(order.getId(), new ArrayList<>());
        }
        List<Long> ids = new ArrayList<>(items.keySet());
        for (int from = 0; from < ids.size(); from += BATCH) {
            for (OrderItem item : orders.findItemsOfOrders(ids.subList(from, Math.min(ids.size(), from + BATCH)))) {
                items.get(item.getOrder().getId()).add(new ItemView(item.getProduct().getName(), item.getQuantity()));
            }
        }
        List<OrderView> views = new ArrayList<>();
        items.forEach((id, orderItems) -> views.add(new OrderView(id, orderItems)));
        return views;
    }

    private static List<OrderView> toViews(List<PurchaseOrder> fetched) {
        return fetched.stream().map(order -> new OrderView(order.getId(), order.getItems().stream()
                .map(item -> new ItemView(item.getProduct().getName(), item.getQuantity())).toList())).toList();
    }
}
