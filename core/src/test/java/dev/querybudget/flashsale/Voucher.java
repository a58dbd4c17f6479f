package dev.querybudget.flashsale;

import jakarta.persistence.MappedSuperclass;

import java.math.BigDecimal;

/** A voucher's columns; its two entities differ only in how their ids are generated. */
@MappedSuperclass
public abstract class Voucher {

    private String code;

    private BigDecimal amount;

    protected Voucher() {
    }

    protected Voucher(String code, BigDecimal amount) {
        this.code = code;
        this.amount = amount;
    }

    public String getCode() {
        return code;
    }

    public BigDecimal getAmount() {
        return amount;
    }
}
