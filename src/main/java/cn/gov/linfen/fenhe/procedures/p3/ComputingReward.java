package cn.gov.linfen.fenhe.procedures.p3;

import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Variables.*;

import cn.gov.linfen.fenhe.common.Yuan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reward (P3-R03, 临政办发〔2021〕20号 二): the city's and the county's retained shares of the
 * enterprise's VAT, urban construction tax, education surcharge, local education surcharge and
 * stamp duty, in full. Each share of each tax is tax × ratio with fractions of a fen (分) dropped —
 * rounding half-up could pay more than the tax itself (12.35 × 0.3 + 12.35 × 0.7 → 3.71 + 8.65);
 * the city's reward is the sum of its five shares, the county's likewise, the total both. Exact
 * decimals only. Plain logic.
 */
public class ComputingReward {

  /** The computation: amounts in yuan and the breakdown the confirmers read. */
  public record Reward(BigDecimal city, BigDecimal county, BigDecimal total, String breakdown) {

    public Map<String, Object> variables() {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put(REWARD_CITY, Yuan.format(city));
      variables.put(REWARD_COUNTY, Yuan.format(county));
      variables.put(REWARD_TOTAL, Yuan.format(total));
      variables.put(REWARD_BREAKDOWN, breakdown);
      return variables;
    }
  }

  /** Thrown for taxes that are not amounts (checked at the start and resubmission: an incident). */
  public static class InvalidTaxes extends RuntimeException {
    public InvalidTaxes(String message) {
      super(message);
    }
  }

  private final RetainedShares shares;
  private final VatBasis vatBasis;

  public ComputingReward(RetainedShares shares) {
    this(shares, VatBasis.DEFAULT);
  }

  public ComputingReward(RetainedShares shares, VatBasis vatBasis) {
    this.shares = shares;
    this.vatBasis = vatBasis;
  }

  public RetainedShares shares() {
    return shares;
  }

  public VatBasis vatBasis() {
    return vatBasis;
  }

  /** The reward of an enterprise not on the MIIT list (no VAT refund). */
  public Reward compute(Map<String, Object> taxes) {
    return compute(taxes, false);
  }

  /**
   * The reward; {@code miitListed}: the enterprise is on the MIIT announcement list, so it is
   * refunded 30% of its VAT (一), which the configured {@link VatBasis} may deduct.
   */
  public Reward compute(Map<String, Object> taxes, boolean miitListed) {
    BigDecimal city = BigDecimal.ZERO.setScale(2);
    BigDecimal county = BigDecimal.ZERO.setScale(2);
    StringBuilder text =
        new StringBuilder("奖励资金 = 市、县两级财政留成额度（临政办发〔2021〕20号 二）\n")
            .append(vatBasis.explanation(miitListed))
            .append('\n');
    for (String tax : TAXES) {
      BigDecimal paid;
      try {
        paid = Yuan.orZero(taxes.get(tax));
      } catch (IllegalArgumentException e) {
        throw new InvalidTaxes(tax + ": " + e.getMessage());
      }
      if (Yuan.problem(paid) != null) {
        throw new InvalidTaxes(tax + ": " + Yuan.problem(paid));
      }
      BigDecimal cityRatio = shares.city().get(tax);
      BigDecimal countyRatio = shares.county().get(tax);
      BigDecimal counted = VAT_PAID.equals(tax) ? vatBasis.counted(paid, miitListed) : paid;
      BigDecimal cityShare = share(counted, cityRatio);
      BigDecimal countyShare = share(counted, countyRatio);
      city = city.add(cityShare);
      county = county.add(countyShare);
      text.append(TaxNames.of(tax))
          .append(' ')
          .append(Yuan.format(paid.setScale(2, RoundingMode.UNNECESSARY)))
          .append(counted.compareTo(paid) == 0 ? "" : "，扣除退税后 " + Yuan.format(counted))
          .append(" 元：市级留成 ")
          .append(percent(cityRatio))
          .append(" = ")
          .append(Yuan.format(cityShare))
          .append(" 元，县级留成 ")
          .append(percent(countyRatio))
          .append(" = ")
          .append(Yuan.format(countyShare))
          .append(" 元\n");
    }
    BigDecimal total = city.add(county);
    text.append("市级奖励 ")
        .append(Yuan.format(city))
        .append(" 元（市财政拨付）＋ 县级奖励 ")
        .append(Yuan.format(county))
        .append(" 元（县财政拨付）＝ 合计 ")
        .append(Yuan.format(total))
        .append(" 元（")
        .append(Yuan.inWan(total))
        .append("）\n各项按“税额 × 留成比例”计算，不足一分的部分舍去。");
    return new Reward(city, county, total, text.toString());
  }

  static BigDecimal share(BigDecimal paid, BigDecimal ratio) {
    return paid.multiply(ratio).setScale(2, RoundingMode.DOWN);
  }

  /** 0.1875 → "18.75%". */
  static String percent(BigDecimal ratio) {
    BigDecimal percent = ratio.movePointRight(2).stripTrailingZeros();
    return (percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString() + "%";
  }
}
