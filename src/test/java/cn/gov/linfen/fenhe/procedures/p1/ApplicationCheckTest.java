package cn.gov.linfen.fenhe.procedures.p1;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.common.FieldError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplicationCheckTest {

  final ApplicationCheck check = new ApplicationCheck();

  static Map<String, Object> valid() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("enterpriseName", "临汾市第二机械厂");
    variables.put("reformType", "BANKRUPTCY");
    variables.put("employeeCount", 120);
    variables.put("totalReformCost", "1000000.00");
    variables.put("assetRealization", 400000);
    variables.put("landProceeds", "900000");
    variables.put("liquidationCostAmount", "100000.00");
    variables.put("economicCompensation", 500000.0);
    variables.put("creditorsMeetingResolution", "2026年5月8日第二次债权人会议表决通过");
    variables.put("onlyEmployeeDebtsDeclared", true);
    variables.put("performanceGoals", "安置职工 120 人，年内完成破产清算");
    return variables;
  }

  List<String> fields(Map<String, Object> variables) {
    return check.check(variables).stream().map(FieldError::field).toList();
  }

  @Test
  void a_complete_application_within_the_gap_passes() {
    assertThat(check.check(valid())).isEmpty();
  }

  @Test
  void P1_R01_only_bankruptcy_or_liquidation() {
    Map<String, Object> variables = valid();
    variables.put("reformType", "MERGER");
    assertThat(fields(variables)).containsExactly("reformType");
    variables.remove("reformType");
    assertThat(fields(variables)).containsExactly("reformType");
    variables.put("reformType", "LIQUIDATION");
    assertThat(fields(variables)).isEmpty();
  }

  @Test
  void
      P1_R16_a_liquidation_without_the_declaration_of_only_wage_and_social_insurance_debts_is_refused() {
    Map<String, Object> variables = valid();
    variables.put("reformType", "LIQUIDATION");
    variables.remove("onlyEmployeeDebtsDeclared");
    List<FieldError> errors = check.check(variables);
    assertThat(errors).extracting(FieldError::field).containsExactly("onlyEmployeeDebtsDeclared");
    assertThat(errors.get(0).chinese())
        .contains("仅拖欠职工工资、社保债务", "第五条")
        .doesNotContain("LIQUIDATION");
    variables.put("onlyEmployeeDebtsDeclared", false);
    assertThat(fields(variables)).containsExactly("onlyEmployeeDebtsDeclared");
    variables.put("onlyEmployeeDebtsDeclared", true);
    assertThat(fields(variables)).isEmpty();
    // a bankruptcy needs no such declaration
    variables.put("reformType", "BANKRUPTCY");
    variables.remove("onlyEmployeeDebtsDeclared");
    assertThat(fields(variables)).isEmpty();
  }

  @Test
  void P1_R17_bankruptcy_administrator_costs_need_the_creditors_meeting_resolution() {
    Map<String, Object> variables = valid();
    variables.remove("creditorsMeetingResolution");
    List<FieldError> errors = check.check(variables);
    assertThat(errors).extracting(FieldError::field).containsExactly("creditorsMeetingResolution");
    assertThat(errors.get(0).chinese()).contains("债权人会议审议表决通过", "第九条(二)1");
    // without administrator costs, or for a liquidation (the supervising department decides), none
    // is asked
    variables.put("liquidationCostAmount", "0");
    assertThat(fields(variables)).isEmpty();
    variables.put("liquidationCostAmount", "100000.00");
    variables.put("reformType", "LIQUIDATION");
    assertThat(fields(variables)).isEmpty();
  }

  @Test
  void P1_R20_performance_goals_are_entered_with_the_application() {
    Map<String, Object> variables = valid();
    variables.remove("performanceGoals");
    List<FieldError> errors = check.check(variables);
    assertThat(errors).extracting(FieldError::field).containsExactly("performanceGoals");
    assertThat(errors.get(0).chinese()).contains("绩效目标", "第十一条");
  }

  @Test
  void P1_R01_the_refusal_of_another_reform_type_is_in_chinese_without_codes() {
    Map<String, Object> variables = valid();
    variables.put("reformType", "MERGER");
    assertThat(check.check(variables).get(0).chinese())
        .contains("破产或清算注销")
        .doesNotContain("BANKRUPTCY", "LIQUIDATION");
  }

  @Test
  void P1_R02_requested_may_not_exceed_the_gap_and_land_proceeds_do_not_count() {
    Map<String, Object> variables = valid(); // gap 600,000; requested 600,000
    assertThat(fields(variables)).isEmpty();
    variables.put("owedWages", "0.01");
    List<FieldError> errors = check.check(variables);
    assertThat(errors).extracting(FieldError::field).containsExactly("requestedAmount");
    assertThat(errors.get(0).chinese()).contains("600000.01", "600000.00", "不含土地使用权处置收入");
  }

  @Test
  void X_R04_negative_non_numeric_and_missing_values_are_named() {
    Map<String, Object> variables = valid();
    variables.put("enterpriseName", " ");
    variables.put("pensionArrears", "-5");
    variables.put("totalReformCost", "abc");
    variables.put("employeeCount", "12.5");
    variables.put("hiredStaffCount", -1);
    assertThat(fields(variables))
        .containsExactly(
            "enterpriseName",
            "employeeCount",
            "totalReformCost",
            "pensionArrears",
            "hiredStaffCount");
  }

  @Test
  void X_R04_required_amounts_and_a_request_of_nothing_are_refused() {
    Map<String, Object> variables = valid();
    variables.remove("assetRealization");
    assertThat(fields(variables)).containsExactly("assetRealization");
    Map<String, Object> nothing = valid();
    nothing.remove("liquidationCostAmount");
    nothing.remove("economicCompensation");
    assertThat(fields(nothing)).containsExactly("requestedAmount");
  }
}
