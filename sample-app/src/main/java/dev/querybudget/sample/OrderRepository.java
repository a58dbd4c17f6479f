package dev.querybudget.sample;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;

interface OrderRepository extends JpaRepository<PurchaseOrder, Long> {

    /** The orders alone: their items load lazily, one query per order. */
    List<PurchaseOrder> findByCustomerIdOrderById(Long customerId);

    /** The orders with their items and products, in one query. */
    @Query("select distinct o from PurchaseOrder o join fetch o.items i join fetch i.product"
            + " where o.customer.id = :customerId order by o.id")
    List<PurchaseOrder> findWithItemsByCustomerId(@Param("customerId") Long customerId);

    /** The same with an entity graph. */
    @EntityGraph(attributePaths = {"items", "items.product"})
    @Query("select distinct o from PurchaseOrder o where o.customer.id = :customerId order by o.id")
    List<PurchaseOrder> findGraphByCustomerId(@Param("customerId") Long customerId);

    @Query("select i from OrderItem i join fetch i.product where i.order.id in :orderIds order by i.id")
    List<OrderItem> findItemsOfOrders(@Param("orderIds") Collection<Long> orderIds);
}
