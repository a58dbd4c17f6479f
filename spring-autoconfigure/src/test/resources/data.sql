merge into orders (id, customer_id) key (id) select x, 1 from system_range(1, 12);
merge into order_item (id, order_id, product, quantity) key (id) select x, (x + 1) / 2, 'product ' || x, 1 from system_range(1, 24);
