package dev.querybudget.sample;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The catalog page and the product import: a duplicate query and unbatched writes, with their fixes. */
@Service
public class CatalogService {

    static final int SLOTS = 4;

    private final ProductRepository products;
    private final JdbcTemplate jdbc;

    CatalogService(ProductRepository products, JdbcTemplate jdbc) {
        this.products = products;
        this.jdbc = jdbc;
    }

    /** Each of the page's slots asks for the featured products again: the same query, the same result. */
    @Transactional(readOnly = true)
    public List<String> featuredPage() {
        List<String> slots = new ArrayList<>();
        for (int slot = 0; slot < SLOTS; slot++) {
            List<Product> featured = products.findByFeaturedTrueOrderById();
            slots.add(featured.isEmpty() ? "-" : featured.get(slot % featured.size()).getName());
        }
        return slots;
    }

    /** The fix: ask once. */
    @Transactional(readOnly = true)
    public List<String> featuredPageOnce() {
        List<Product> featured = products.findByFeaturedTrueOrderById();
        List<String> slots = new ArrayList<>();
        for (int slot = 0; slot < SLOTS; slot++) {
            slots.add(featured.isEmpty() ? "-" : featured.get(slot % featured.size()).getName());
        }
        return slots;
    }

    /** Imports {@code count} products row by row, or as one JDBC batch. */
    @Transactional
    public int importProducts(int count, boolean batched) {
        long first = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from product", Long.class);
        String sql = "insert into product (id, name, price, featured) values (?, ?, ?, false)";
        if (batched) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                rows.add(new Object[]{first + i, "imported " + (first + i), BigDecimal.ONE});
            }
            jdbc.batchUpdate(sql, rows);
        } else {
            for (int i = 0; i < count; i++) {
                jdbc.update(sql, first + i, "imported " + (first + i), BigDecimal.ONE);
            }
        }
        return count;
    }
}
