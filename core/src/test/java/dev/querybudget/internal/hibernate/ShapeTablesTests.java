package dev.querybudget.internal.hibernate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShapeTablesTests {

    @Test
    void aCollectionLoadReadsItsRootTableAndTheKeyItCompares() {
        ShapeTables shape = ShapeTables.parse("select i1_0.order_id, i1_0.id from order_item i1_0"
                + " left join product p1_0 on p1_0.id = i1_0.product_id where i1_0.order_id = ? order by i1_0.id");

        assertThat(shape.root()).isEqualTo(new TableName(null, "order_item"));
        assertThat(shape.rootParameterColumns()).containsExactly("order_id");
        assertThat(shape.tables()).containsExactly(new TableName(null, "order_item"), new TableName(null, "product"));
    }

    @Test
    void quotesSchemasAndLetterCaseAreLeftOut() {
        ShapeTables shape = ShapeTables.parse("select t1_0.\"ORDER_ID\" from \"Shop\".\"Order_Tags\" t1_0"
                + " join `tag` t1_1 on t1_1.id = t1_0.tag_id where t1_0.\"ORDER_ID\" = ?");

        assertThat(shape.root()).isEqualTo(new TableName("shop", "order_tags"));
        assertThat(shape.rootParameterColumns()).containsExactly("order_id");
        assertThat(shape.root().matches(TableName.parse("ORDER_TAGS"))).isTrue();
        assertThat(shape.root().matches(TableName.parse("shop.order_tags"))).isTrue();
        assertThat(shape.root().matches(TableName.parse("[other].[order_tags]"))).isFalse();
    }

    @Test
    void batchKeysAnAsAliasAndUnqualifiedColumnsAreReadToo() {
        assertThat(ShapeTables.parse("select * from item as i where i.order_id in (?, ?, ?)").rootParameterColumns())
                .containsExactly("order_id");
        assertThat(ShapeTables.parse("select * from item i where i.order_id = any (?)").rootParameterColumns())
                .containsExactly("order_id");
        assertThat(ShapeTables.parse("select * from item where order_id = ? and kind = ?").rootParameterColumns())
                .containsExactly("order_id", "kind");
    }

    @Test
    void columnsOfOtherTablesAndOtherComparisonsAreNotTheRootsKey() {
        ShapeTables shape = ShapeTables.parse("select * from item i join product p on p.id = i.product_id"
                + " where p.id = ? and i.quantity >= ? and i.id <> ?");

        assertThat(shape.rootParameterColumns()).isEmpty();
    }

    @Test
    void onlyASelectFromATableHasARoot() {
        assertThat(ShapeTables.parse("update item set quantity = ? where id = ?")).isNull();
        assertThat(ShapeTables.parse("select 1")).isNull();
        assertThat(ShapeTables.parse("select * from (select id from item) x where x.id = ?")).isNull();
        assertThat(ShapeTables.parse(null)).isNull();
        assertThat(ShapeTables.tablesIn("select * from a where a.id in (select b.a_id from s.b b)"))
                .isEqualTo(List.of(new TableName(null, "a"), new TableName("s", "b")));
    }
}
