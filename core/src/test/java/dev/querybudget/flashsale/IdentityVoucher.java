package dev.querybudget.flashsale;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** A voucher whose id is an IDENTITY column: Hibernate inserts it one row at a time, whatever the batch size. */
@Entity
@Table(name = "voucher")
public class IdentityVoucher extends Voucher {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    protected IdentityVoucher() {
    }

    public IdentityVoucher(String code, BigDecimal amount) {
        super(code, amount);
    }

    public Long getId() {
        return id;
    }
}
