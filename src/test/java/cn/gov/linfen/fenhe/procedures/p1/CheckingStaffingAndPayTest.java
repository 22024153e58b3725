package cn.gov.linfen.fenhe.procedures.p1;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p1.StaffingStandards.Role;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks against the real decision tables (DMN engine), as the worker runs them. */
class CheckingStaffingAndPayTest {

  static final StaffingStandards STANDARDS = new DmnStaffingStandards();
  final CheckingStaffingAndPay checking = new CheckingStaffingAndPay(STANDARDS);

  @Test
  void P1_R11_staff_within_the_band_is_no_finding() {
    CheckingStaffingAndPay.Findings findings = checking.check(501, 10, 10, Map.of());
    assertThat(findings.breaches()).isZero();
    assertThat(findings.standardApplies()).isTrue();
    assertThat(findings.band()).isEqualTo("501–1000 人");
    assertThat(findings.text()).contains("不超过 10 人", "未发现不符合标准的情况");
  }

  @Test
  void P1_R11_exactly_500_employees_is_in_the_100_500_band_by_civil_code_article_1259() {
    CheckingStaffingAndPay.Findings findings = checking.check(500, 10, 8, Map.of());
    assertThat(findings.band()).isEqualTo("101–500 人");
    assertThat(findings.breaches()).isEqualTo(1);
    assertThat(findings.text()).contains("不超过 8 人", "聘用人员 10 人，超过上限 8 人", "共 1 项不符合标准");
  }

  @Test
  void P1_R11_exactly_100_employees_is_in_the_band_up_to_100_by_civil_code_article_1259() {
    CheckingStaffingAndPay.Findings findings = checking.check(100, 6, 5, Map.of());
    assertThat(findings.band()).isEqualTo("100 人以下（含 100 人）");
    assertThat(findings.text()).contains("聘用人员 6 人，超过上限 5 人", "留守人员 5 人，符合标准");
  }

  @Test
  void P1_R11_more_staff_than_the_band_allows_is_a_finding_not_a_rejection() {
    CheckingStaffingAndPay.Findings findings = checking.check(99, 6, 5, Map.of());
    assertThat(findings.breaches()).isEqualTo(1);
    assertThat(findings.text()).contains("聘用人员 6 人，超过上限 5 人", "不自动退回");
  }

  @Test
  void P1_R11_over_2000_employees_the_check_says_there_is_no_standard() {
    CheckingStaffingAndPay.Findings findings = checking.check(2500, 40, 30, Map.of());
    assertThat(findings.standardApplies()).isFalse();
    assertThat(findings.breaches()).isZero();
    assertThat(findings.text()).contains("超过 2000 人", "审核人员结合实际决定", "聘用人员 40 人");
  }

  @Test
  void P1_R12_pay_above_the_caps_or_caretakers_outside_1600_3500_are_findings() {
    CheckingStaffingAndPay.Findings findings =
        checking.check(
            300,
            8,
            8,
            Map.of(
                Role.EXTERNAL_HEAD, new BigDecimal("5500.00"),
                Role.GROUP_LEADER, new BigDecimal("4000.01"),
                Role.OTHER_STAFF, new BigDecimal("3500"),
                Role.CARETAKER, new BigDecimal("1599.99")));
    assertThat(findings.breaches()).isEqualTo(2);
    assertThat(findings.text())
        .contains(
            "外聘工作机构负责人月劳务费 5500.00 元，符合标准",
            "工作小组组长月劳务费 4000.01 元，超过工作小组组长标准 4000 元/月",
            "低于标准：留守人员月劳务费 1599.99 元，低于企业留守人员标准下限 1600 元/月")
        .doesNotContain("超标准：留守人员", "生活费");
    assertThat(
            checking
                .check(300, null, null, Map.of(Role.CARETAKER, new BigDecimal("3500")))
                .breaches())
        .isZero();
  }
}
