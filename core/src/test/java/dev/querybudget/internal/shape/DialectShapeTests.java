package dev.querybudget.internal.shape;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every literal form of each dialect shapes as a bind marker, and each dialect's identifiers stay, word for word. */
class DialectShapeTests {

    @Test
    void theDialectIsTakenFromTheProductNameOrTheDriverClass() {
        assertThat(Dialect.of("MariaDB")).isEqualTo(Dialect.MYSQL);
        assertThat(Dialect.of("MySQL")).isEqualTo(Dialect.MYSQL);
        assertThat(Dialect.of("PostgreSQL")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.of("Oracle")).isEqualTo(Dialect.ORACLE);
        assertThat(Dialect.of("Microsoft SQL Server")).isEqualTo(Dialect.SQL_SERVER);
        assertThat(Dialect.of("com.microsoft.sqlserver.jdbc.SQLServerConnection")).isEqualTo(Dialect.SQL_SERVER);
        assertThat(Dialect.of("H2")).isEqualTo(Dialect.H2);
        assertThat(Dialect.of("HSQL Database Engine")).isEqualTo(Dialect.GENERIC);
        assertThat(Dialect.of(null)).isEqualTo(Dialect.GENERIC);
        assertThat(Dialect.ofCode(Dialect.ORACLE.code())).isEqualTo(Dialect.ORACLE);
        assertThat(Dialect.ofCode(99)).isEqualTo(Dialect.GENERIC);
    }

    @Test
    void mysqlDoubleQuotedStringsAndHashCommentsAreFolded() {
        assertThat(mysql("select * from users where email = \"SECRETDQ\" and id = 7 # SECRET comment\n"))
                .isEqualTo("select * from users where email = ? and id = ?");
        assertThat(mysql("select 1 from t where a = \"it\\\"s SECRET\" and b = \"say \"\"SECRET\"\"\""))
                .isEqualTo("select ? from t where a = ? and b = ?");
        assertThat(mysql("select 1 from t where a =# SECRET\n 1")).isEqualTo("select ? from t where a = ?");
    }

    @Test
    void mysqlHexBitAndIntroducedStringsAreFolded() {
        assertThat(mysql("select 1 from t where a = X'5EC12E7' or b = b'0101' or c = 0b0110"
                + " or d = _utf8mb4'SECRET' or e = _latin1\"SECRET\" or f = N'SECRET'"))
                .isEqualTo("select ? from t where a = ? or b = ? or c = ? or d = ? or e = ? or f = ?");
    }

    @Test
    void mysqlBacktickIdentifiersStay() {
        assertThat(mysql("select `Order Id`, o1_0.total from `order` o1_0 where o1_0.id = 'x'"))
                .isEqualTo("select `Order Id`, o1_0.total from `order` o1_0 where o1_0.id = ?");
    }

    @Test
    void oracleAlternativeQuotingIsFoldedWithEveryDelimiter() {
        assertThat(oracle("select 1 from t where a = q'[it's SECRET]' and b = Q'{SECRET's}' and c = q'(S'ECRET)'"
                + " and d = q'<SECRET'>' and e = q'!SECRET'!' and f = nq'[SECRET']' and g = N'SECRET'"))
                .isEqualTo("select ? from t where a = ? and b = ? and c = ? and d = ? and e = ? and f = ? and g = ?");
    }

    @Test
    void oracleStringsAreStandardAndQuotedIdentifiersStay() {
        assertThat(oracle("select \"Order\".id from \"Order\" where a = 'C:\\' and b = 'SECRET'"))
                .isEqualTo("select \"Order\".id from \"Order\" where a = ? and b = ?");
    }

    @Test
    void sqlServerBracketIdentifiersStayAndNationalStringsAreFolded() {
        assertThat(sqlServer("select [Order Id], [a]]b] from [Order Details] where name = N'SECRET' and c = 'x\\'"))
                .isEqualTo("select [Order Id], [a]]b] from [Order Details] where name = ? and c = ?");
    }

    @Test
    void postgresqlLiteralFormsAreFoldedAndStringsAreStandard() {
        assertThat(postgres("select \"Order\".id from \"Order\" where a = E'it\\'s SECRET' and b = U&'SECRET'"
                + " and c = $$SECRET$$ and d = $t$SECRET$t$ and e = B'0101' and f = X'1F' and g = 'C:\\'"
                + " and h = 'SECRET\\' and i = '1'"))
                .isEqualTo("select \"Order\".id from \"Order\" where a = ? and b = ? and c = ? and d = ? and e = ?"
                        + " and f = ? and g = ? and h = ? and i = ?");
    }

    @Test
    void h2StringsAreStandard() {
        assertThat(shape("select 'C:\\' as a, 'SECRET' as \"b's\"", Dialect.H2))
                .isEqualTo("select ? as a, ? as \"b's\"");
    }

    @Test
    void anUnclosedQuotedIdentifierIsFoldedAsItMayHoldLiterals() {
        assertThat(shape("select \"a from t where x = 'SECRET'", Dialect.GENERIC)).isEqualTo("select ?");
        assertThat(sqlServer("select [a from t where x = 'SECRET'")).isEqualTo("select ?");
    }

    @Test
    void theGenericDialectFoldsOracleQuotingAndKeepsDoubleQuotesAsIdentifiers() {
        assertThat(shape("select \"Id\" from t where a = q'[it's SECRET]' and b = 0b101", Dialect.GENERIC))
                .isEqualTo("select \"Id\" from t where a = ? and b = ?");
    }

    @Test
    void eachDialectHasItsOwnCacheEntry() {
        String sql = "select * from t where a = \"SECRET\"";
        assertThat(ShapeCache.shared(Dialect.MYSQL).shape(sql).shape().sql()).isEqualTo("select * from t where a = ?");
        assertThat(ShapeCache.shared(Dialect.POSTGRESQL).shape(sql).shape().sql())
                .isEqualTo("select * from t where a = \"SECRET\"");
        assertThat(ShapeCache.shared(Dialect.MYSQL).shape(sql).shape().sql()).isEqualTo("select * from t where a = ?");
    }

    private static String mysql(String sql) {
        return shape(sql, Dialect.MYSQL);
    }

    private static String oracle(String sql) {
        return shape(sql, Dialect.ORACLE);
    }

    private static String sqlServer(String sql) {
        return shape(sql, Dialect.SQL_SERVER);
    }

    private static String postgres(String sql) {
        return shape(sql, Dialect.POSTGRESQL);
    }

    private static String shape(String sql, Dialect dialect) {
        String shape = ShapeLexer.shape(sql, dialect).shape().sql();
        assertThat(ShapeLexer.shape(shape, dialect).shape().sql()).as("a shape is its own shape").isEqualTo(shape);
        return shape;
    }
}
