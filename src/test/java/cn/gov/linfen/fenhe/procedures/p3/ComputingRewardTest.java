package cn.gov.linfen.fenhe.procedures.p3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** P3-R03 worked examples with the illustrative demo ratios of application.yaml. */
public class ComputingRewardTest {

  /** The demo ratios (application.yaml): city / county share of each tax. */
  public static final RetainedShares DEMO =
      RetainedShares.fromConfiguration(
          Map.of(
              "vat",
              new BigDecimal("0.15"),
              "urban-construction-tax",
              new BigDecimal("0.30"),
              "education-surcharge",
              new BigDecimal("0.30"),
              "local-education-surcharge",
              new BigDecimal("0.20"),
              "stamp-duty",
              new BigDecimal("0.30")),
          Map.of(
              "vat",
              new BigDecimal("0.20"),
              "urban-construction-tax",
              new BigDecimal("0.70"),
              "education-surcharge",
              new BigDecimal("0.70"),
              "local-education-surcharge",
              new BigDecimal("0.50"),
              "stamp-duty",
              new BigDecimal("0.70")));

  final ComputingReward computing = new ComputingReward(DEMO);

  static Map<String, Object> taxes(
      Object vat, Object urban, Object education, Object localEducation, Object stamp) {
    Map<String, Object> taxes = new HashMap<>();
    taxes.put("vatPaid", vat);
    taxes.put("urbanConstructionTax", urban);
    taxes.put("educationSurcharge", education);
    taxes.put("localEducationSurcharge", localEducation);
    taxes.put("stampDuty", stamp);
    return taxes;
  }

  @Test
  void P3_R03_worked_example_one_million_yuan_of_vat_and_its_surcharges() {
    // VAT 1,000,000.00: city 15 % = 150,000.00, county 20 % = 200,000.00
    // urban construction tax 70,000.00 (7 %): city 30 % = 21,000.00, county 70 % = 49,000.00
    // education surcharge 30,000.00 (3 %): city 9,000.00, county 21,000.00
    // local education surcharge 20,000.00 (2 %): city 20 % = 4,000.00, county 50 % = 10,000.00
    // stamp duty 3,000.00: city 900.00, county 2,100.00
    ComputingReward.Reward reward =
        computing.compute(taxes("1000000.00", "70000.00", "30000.00", "20000.00", "3000.00"));

    assertThat(reward.city()).isEqualByComparingTo("184900.00");
    assertThat(reward.county()).isEqualByComparingTo("282100.00");
    assertThat(reward.total()).isEqualByComparingTo("467000.00");
    assertThat(reward.variables())
        .containsEntry("rewardCity", "184900.00")
        .containsEntry("rewardCounty", "282100.00")
        .containsEntry("rewardTotal", "467000.00");
    assertThat(reward.breakdown())
        .contains(
            "增值税 1000000.00 元：市级留成 15% = 150000.00 元，县级留成 20% = 200000.00 元",
            "印花税 3000.00 元：市级留成 30% = 900.00 元，县级留成 70% = 2100.00 元", "合计 467000.00 元（46.7 万元）");
  }

  @Test
  void
      P3_R03_the_VAT_counted_is_net_of_the_30_percent_refund_when_configured_and_only_for_listed_enterprises() {
    ComputingReward net =
        new ComputingReward(
            DEMO,
            VatBasis.fromConfiguration("net-of-refund", new BigDecimal("0.30"), "临财预〔2026〕1号（测试）"));
    Map<String, Object> paid = taxes("1000000.00", "70000.00", "30000.00", "20000.00", "3000.00");

    // on the MIIT list: 30% of the VAT is refunded (一), the shares are of 700,000.00
    ComputingReward.Reward listed = net.compute(paid, true);
    assertThat(listed.city())
        .isEqualByComparingTo("139900.00"); // 105,000 + 21,000 + 9,000 + 4,000 + 900
    assertThat(listed.county())
        .isEqualByComparingTo("222100.00"); // 140,000 + 49,000 + 21,000 + 10,000 + 2,100
    assertThat(listed.breakdown()).contains("扣除即征即退30%的退税", "临财预〔2026〕1号（测试）", "扣除退税后 700000.00");

    // not on the list: no refund, the VAT paid counts
    ComputingReward.Reward notListed = net.compute(paid, false);
    assertThat(notListed.total()).isEqualByComparingTo("467000.00");
    assertThat(notListed.breakdown()).contains("不享受即征即退");

    // the default basis is the VAT paid, listed or not, and says so
    ComputingReward.Reward gross = computing.compute(paid, true);
    assertThat(gross.total()).isEqualByComparingTo("467000.00");
    assertThat(gross.breakdown()).contains("增值税按实缴额计算留成，不扣除即征即退30%的退税");
    assertThat(computing.vatBasis().mode()).isEqualTo(VatBasis.Mode.PAID);
  }

  @Test
  void P3_R03_the_vat_basis_accepts_only_its_two_readings() {
    assertThatThrownBy(() -> VatBasis.fromConfiguration("gross-ish", null, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fenhe.p3.vat-basis");
    assertThatThrownBy(() -> VatBasis.fromConfiguration("paid", new BigDecimal("1.5"), ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(VatBasis.fromConfiguration(null, null, null)).isEqualTo(VatBasis.DEFAULT);
  }

  @Test
  void P3_R03_fractions_of_a_fen_are_dropped_so_the_reward_never_exceeds_the_tax() {
    // 12.35 × 0.30 = 3.705 → 3.70; 12.35 × 0.70 = 8.645 → 8.64 (half-up would pay 12.36 for 12.35
    // of tax)
    ComputingReward.Reward reward = computing.compute(taxes("0", "0", "0", "0", "12.35"));

    assertThat(reward.city()).isEqualByComparingTo("3.70");
    assertThat(reward.county()).isEqualByComparingTo("8.64");
    assertThat(reward.total()).isEqualByComparingTo("12.34");
  }

  @Test
  void P3_R03_numbers_and_strings_are_exact_decimals_never_binary_floating_point() {
    // 0.1 + 0.2 in binary floating point is 0.30000000000000004
    ComputingReward.Reward asDoubles = computing.compute(taxes(0.1, 0.2, 0, 0, 0));
    ComputingReward.Reward asText = computing.compute(taxes("0.10", "0.20", "0", "0", "0"));

    assertThat(asDoubles).isEqualTo(asText);
    // 0.10 × 0.15 = 0.015 → 0.01; 0.20 × 0.30 = 0.06; county 0.02 + 0.14
    assertThat(asText.city()).isEqualByComparingTo("0.07");
    assertThat(asText.county()).isEqualByComparingTo("0.16");
  }

  @Test
  void P3_R03_different_ratios_from_configuration_change_the_reward() {
    RetainedShares other =
        RetainedShares.fromConfiguration(
            Map.of(
                "vat",
                new BigDecimal("0.1875"),
                "urban-construction-tax",
                BigDecimal.ZERO,
                "education-surcharge",
                BigDecimal.ZERO,
                "local-education-surcharge",
                BigDecimal.ZERO,
                "stamp-duty",
                BigDecimal.ZERO),
            Map.of(
                "vat",
                new BigDecimal("0.3125"),
                "urban-construction-tax",
                BigDecimal.ONE,
                "education-surcharge",
                BigDecimal.ONE,
                "local-education-surcharge",
                BigDecimal.ONE,
                "stamp-duty",
                BigDecimal.ONE));

    ComputingReward.Reward reward =
        new ComputingReward(other).compute(taxes("80000", "5600", "2400", "1600", "100"));

    assertThat(reward.city()).isEqualByComparingTo("15000.00");
    assertThat(reward.county())
        .isEqualByComparingTo("34700.00"); // 25000 + 5600 + 2400 + 1600 + 100
    assertThat(reward.breakdown()).contains("市级留成 18.75%", "县级留成 31.25%");
  }

  @Test
  void invalid_taxes_are_refused() {
    assertThatThrownBy(() -> computing.compute(taxes("abc", "0", "0", "0", "0")))
        .isInstanceOf(ComputingReward.InvalidTaxes.class)
        .hasMessageContaining("vatPaid");
    assertThatThrownBy(() -> computing.compute(taxes("-1", "0", "0", "0", "0")))
        .isInstanceOf(ComputingReward.InvalidTaxes.class);
  }

  @Test
  void ratios_must_be_complete_and_at_most_the_whole_tax() {
    assertThatThrownBy(
            () -> RetainedShares.fromConfiguration(Map.of("vat", BigDecimal.ONE), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("required");
    Map<String, BigDecimal> half = new HashMap<>();
    for (String key : RetainedShares.CONFIG_KEYS.values()) {
      half.put(key, new BigDecimal("0.5"));
    }
    Map<String, BigDecimal> more = new HashMap<>(half);
    more.put("vat", new BigDecimal("0.51"));
    assertThat(RetainedShares.fromConfiguration(half, half).city()).hasSize(5);
    assertThatThrownBy(() -> RetainedShares.fromConfiguration(half, more))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 1");
  }
}
