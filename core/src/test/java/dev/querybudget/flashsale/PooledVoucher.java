package dev.querybudget.flashsale;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** The same voucher with its id switched to a sequence with a pooled optimizer, as the IDENTITY hint says. */
@Entity
@Table(name = "voucher")
public class PooledVoucher extends Voucher {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "voucher_seq")
    @SequenceGenerator(name = "voucher_seq", sequenceName = "voucher_seq", allocationSize = 50)
    private Long id;

    protected PooledVoucher() {
    }

    public PooledVoucher(String code, BigDecimal amount) {
        super(code, amount);
    }

    public Long getId() {
        return id;
    }
}
