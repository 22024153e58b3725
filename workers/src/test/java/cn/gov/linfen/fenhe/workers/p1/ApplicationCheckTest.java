package cn.gov.linfen.fenhe.workers.p1;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.workers.common.FieldError;
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
    assertThat(fields(variables)).containsExactly("enterpriseName", "employeeCount", "totalReformCost", "pensionArrears",
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
