package dev.querybudget.bench;

import dev.querybudget.internal.shape.ShapeCache;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** The shape lexer over real ORM SQL (Hibernate ORM 7 on H2, PostgreSQL and MariaDB): cold, and through the cache. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ShapeBenchmark {

    static final String[] CORPUS = {
            "select po1_0.id,po1_0.customer_id from orders po1_0 where po1_0.customer_id=? order by po1_0.id",
            "select i1_0.order_id,i1_0.id,i1_0.product_id,i1_0.quantity from order_item i1_0 where i1_0.order_id=? order by i1_0.id",
            "select p1_0.id,p1_0.featured,p1_0.name,p1_0.price from product p1_0 where p1_0.id=?",
            "select distinct po1_0.id,po1_0.customer_id,i1_0.order_id,i1_0.id,p1_0.id,p1_0.featured,p1_0.name,p1_0.price,"
                    + "i1_0.quantity from orders po1_0 join order_item i1_0 on po1_0.id=i1_0.order_id join product p1_0"
                    + " on p1_0.id=i1_0.product_id where po1_0.customer_id=? order by po1_0.id,i1_0.id",
            "select oi1_0.id,oi1_0.order_id,p1_0.id,p1_0.featured,p1_0.name,p1_0.price,oi1_0.quantity from order_item"
                    + " oi1_0 join product p1_0 on p1_0.id=oi1_0.product_id where oi1_0.order_id in (?,?,?,?,?,?,?,?,?,?,"
                    + "?,?,?,?,?,?) order by oi1_0.id",
            "select p1_0.id,p1_0.name from product p1_0 where p1_0.id = any (?)",
            "insert into orders (customer_id,status,id) values (?,?,?)",
            "update product set name=?,price=? where id=?",
            "delete from order_item where id=?",
            "select nextval('product_seq')",
            "select o1_0.id from orders o1_0 offset ? rows fetch first ? rows only",
            "/* traceparent='00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' */ select * from orders where id = 42",
    };

    private final ShapeCache cache = ShapeCache.shared();

    @Benchmark
    @OperationsPerInvocation(12)
    public int cold() {
        int total = 0;
        for (String sql : CORPUS) {
            total += ShapeCache.shapeUncached(sql).shape().sql().length();
        }
        return total;
    }

    @Benchmark
    @OperationsPerInvocation(12)
    public int cached() {
        int total = 0;
        for (String sql : CORPUS) {
            total += cache.shape(sql).shape().sql().length();
        }
        return total;
    }
}
