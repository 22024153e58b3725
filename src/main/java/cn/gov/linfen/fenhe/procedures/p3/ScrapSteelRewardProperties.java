package cn.gov.linfen.fenhe.procedures.p3;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fenhe.p3.*} (P3 废钢铁加工企业奖励资金). See docs/p3-scrap-steel-reward.md.
 *
 * @param applicationMonths the application months (P3-R02); default January and July
 * @param retainedShares the retained-share ratios (P3-R03) per level ({@code city}, {@code county})
 *     and tax; required
 * @param vatBasis which VAT the shares are taken of: {@code paid} or {@code net-of-refund}
 * @param vatRefundRate the refund rate when the basis is {@code net-of-refund}
 * @param vatBasisSource the document that decides the basis
 * @param deadlineMonths the months from application to payment (P3-R06); default 3
 * @param dueSoonWorkingDays how many working days before the deadline a case is "due soon"; default
 *     10
 */
@Validated
@ConfigurationProperties("fenhe.p3")
public record ScrapSteelRewardProperties(
    List<@Min(1) @Max(12) Integer> applicationMonths,
    @NotNull Map<String, Map<String, BigDecimal>> retainedShares,
    String vatBasis,
    @DecimalMin("0") @DecimalMax("1") BigDecimal vatRefundRate,
    String vatBasisSource,
    @Min(1) @DefaultValue("3") int deadlineMonths,
    @Min(0) @DefaultValue("10") int dueSoonWorkingDays) {

  public ApplicationWindow window() {
    return new ApplicationWindow(applicationMonths == null ? List.of(1, 7) : applicationMonths);
  }

  public RetainedShares shares() {
    if (retainedShares == null) {
      throw new IllegalArgumentException("fenhe.p3.retained-shares is required");
    }
    return RetainedShares.fromConfiguration(
        retainedShares.get("city"), retainedShares.get("county"));
  }

  public VatBasis vat() {
    return VatBasis.fromConfiguration(vatBasis, vatRefundRate, vatBasisSource);
  }
}
