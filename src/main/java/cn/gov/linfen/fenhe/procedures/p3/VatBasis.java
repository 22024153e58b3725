package cn.gov.linfen.fenhe.procedures.p3;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Which VAT the retained shares are taken of (P3-R03), configuration with its source named: {@code
 * fenhe.p3.vat-basis}. The gazette does not say. 一 grants enterprises on the MIIT announcement list
 * the immediate refund of 30% of their VAT (增值税即征即退 30%, 财税〔2015〕78号); 二 rewards "市、县两级财政留成额度".
 * With {@link Mode#PAID} the shares are taken of the VAT paid; with {@link Mode#NET_OF_REFUND} of
 * the VAT paid less the refund, for an enterprise on the list (the only ones refunded) — the
 * treasuries then reward what they actually keep. Plain logic.
 */
public record VatBasis(Mode mode, BigDecimal refundRate, String source) {

  /** The two readings. */
  public enum Mode {
    /** The VAT paid, whatever was refunded. */
    PAID,
    /**
     * The VAT paid less the 即征即退 refund (refund rate × VAT paid), for enterprises on the MIIT list.
     */
    NET_OF_REFUND
  }

  /** The default: the VAT paid, refund rate 30% (一), no source named. */
  public static final VatBasis DEFAULT = new VatBasis(Mode.PAID, new BigDecimal("0.30"), "");

  public VatBasis {
    if (mode == null) {
      throw new IllegalArgumentException("fenhe.p3.vat-basis: paid or net-of-refund");
    }
    if (refundRate == null || refundRate.signum() < 0 || refundRate.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(
          "fenhe.p3.vat-refund-rate: between 0 and 1, is " + refundRate);
    }
    source = source == null ? "" : source.trim();
  }

  /** From the configuration's text ({@code paid}, {@code net-of-refund}). */
  public static VatBasis fromConfiguration(String mode, BigDecimal refundRate, String source) {
    Mode parsed;
    if (mode == null || mode.isBlank() || "paid".equals(mode.trim())) {
      parsed = Mode.PAID;
    } else if ("net-of-refund".equals(mode.trim())) {
      parsed = Mode.NET_OF_REFUND;
    } else {
      throw new IllegalArgumentException("fenhe.p3.vat-basis: paid or net-of-refund, is " + mode);
    }
    return new VatBasis(parsed, refundRate == null ? DEFAULT.refundRate() : refundRate, source);
  }

  /** The VAT counted for the shares; the refund is dropped to the fen (分) like the shares. */
  public BigDecimal counted(BigDecimal vatPaid, boolean miitListed) {
    if (mode == Mode.PAID || !miitListed) {
      return vatPaid;
    }
    return vatPaid.subtract(vatPaid.multiply(refundRate).setScale(2, RoundingMode.DOWN));
  }

  /** What the breakdown says about the VAT counted, in Chinese. */
  public String explanation(boolean miitListed) {
    String rate = ComputingReward.percent(refundRate);
    String where = source.isEmpty() ? "" : "（依据：" + source + "）";
    if (mode == Mode.PAID) {
      return "增值税按实缴额计算留成，不扣除即征即退" + rate + "的退税" + where;
    }
    return miitListed
        ? "增值税按实缴额扣除即征即退" + rate + "的退税后计算留成" + where
        : "增值税按实缴额计算留成（企业未纳入工信部公告管理名单，不享受即征即退）" + where;
  }
}
