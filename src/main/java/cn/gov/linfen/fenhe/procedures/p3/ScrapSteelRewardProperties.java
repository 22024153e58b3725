package cn.gov.linfen.fenhe.procedures.p3;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fenhe.p3}: the application months (P3-R02), the retained-share ratios (P3-R03) per
 * level ({@code city}, {@code county}) and tax, and which VAT they are taken of
 * ({@code vat-basis}: {@code paid} or {@code net-of-refund}, {@code vat-refund-rate},
 * {@code vat-basis-source}). See docs/p3-scrap-steel-reward.md.
 */
@ConfigurationProperties("fenhe.p3")
public record ScrapSteelRewardProperties(List<Integer> applicationMonths,
    Map<String, Map<String, BigDecimal>> retainedShares, String vatBasis, BigDecimal vatRefundRate,
    String vatBasisSource) {

  public ApplicationWindow window() {
    return new ApplicationWindow(applicationMonths == null ? List.of(1, 7) : applicationMonths);
  }

  public RetainedShares shares() {
    if (retainedShares == null) {
      throw new IllegalArgumentException("fenhe.p3.retained-shares is required");
    }
    return RetainedShares.fromConfiguration(retainedShares.get("city"), retainedShares.get("county"));
  }

  public VatBasis vat() {
    return VatBasis.fromConfiguration(vatBasis, vatRefundRate, vatBasisSource);
  }
}
