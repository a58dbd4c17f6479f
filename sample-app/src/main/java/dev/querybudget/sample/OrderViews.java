package dev.querybudget.sample;

import java.util.List;

/** What the order endpoints return. */
final class OrderViews {

    private OrderViews() {
    }

    record OrderView(long id, List<ItemView> items) {
    }

    record ItemView(String product, int quantity) {
    }
}
