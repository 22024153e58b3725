package cn.gov.linfen.fenhe.procedures.p3;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.common.FieldError;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplicationCheckTest {

  static final LocalDate JULY = LocalDate.of(2026, 7, 15);
  final ApplicationCheck check = new ApplicationCheck(new ApplicationWindow(List.of(1, 7)));

  static Map<String, Object> application() {
    Map<String, Object> v = new HashMap<>();
    v.put("enterpriseName", "临汾市示例再生资源有限公司");
    v.put("creditCode", "91141002MA0K1A2B38");
    v.put("county", "尧都区");
    v.put("vatPaid", "1000000.00");
    v.put("urbanConstructionTax", "70000.00");
    v.put("educationSurcharge", 30000);
    v.put("localEducationSurcharge", 20000.0);
    v.put("stampDuty", "0");
    v.put("materialsDeclaredTrue", true);
    return v;
  }

  static List<String> fields(List<FieldError> errors) {
    return errors.stream().map(FieldError::field).toList();
  }

  @Test
  void a_complete_application_in_july_passes_with_or_without_its_period() {
    assertThat(check.checkStart(application(), JULY)).isEmpty();
    Map<String, Object> withPeriod = application();
    withPeriod.put("period", "2026-H1");
    assertThat(check.checkStart(withPeriod, JULY)).isEmpty();
    assertThat(check.checkStart(application(), LocalDate.of(2027, 1, 31))).isEmpty();
  }

  @Test
  void P3_R02_outside_january_and_july_the_application_is_refused_in_chinese() {
    List<FieldError> errors = check.checkStart(application(), LocalDate.of(2026, 8, 1));
    assertThat(fields(errors)).containsExactly("period");
    assertThat(errors.get(0).chinese()).contains("不在申报期内", "1 月、7 月", "2026-08-01");
    assertThat(check.checkStart(application(), LocalDate.of(2026, 6, 30))).hasSize(1);
  }

  @Test
  void
      P3_R08_the_period_given_must_be_the_preceding_half_year_and_is_refused_in_chinese_otherwise() {
    Map<String, Object> v = application();
    v.put("period", "2026-H2");
    List<FieldError> errors = check.checkStart(v, JULY);
    assertThat(fields(errors)).containsExactly("period");
    assertThat(errors.get(0).chinese())
        .contains("2026年上半年", "2026年1月至6月")
        .doesNotContain("H1", "H2", "period");
    v.put("period", "2026-H2");
    assertThat(check.checkStart(v, LocalDate.of(2027, 1, 5))).isEmpty();
  }

  @Test
  void P3_R08_a_January_application_is_for_the_preceding_second_half_year() {
    ApplicationWindow window = new ApplicationWindow(List.of(1, 7));
    assertThat(window.periodOn(LocalDate.of(2027, 1, 1))).contains("2026-H2");
    assertThat(window.periodOn(LocalDate.of(2027, 1, 31))).contains("2026-H2");
    assertThat(ApplicationWindow.label("2026-H2")).isEqualTo("2026年下半年");
    assertThat(ApplicationWindow.monthsOf("2026-H2")).isEqualTo("2026年7月至12月");
  }

  @Test
  void P3_R08_a_July_application_is_for_the_first_half_of_the_same_year() {
    ApplicationWindow window = new ApplicationWindow(List.of(1, 7));
    assertThat(window.periodOn(LocalDate.of(2026, 7, 1))).contains("2026-H1");
    assertThat(window.periodOn(LocalDate.of(2026, 7, 31))).contains("2026-H1");
    assertThat(ApplicationWindow.label("2026-H1")).isEqualTo("2026年上半年");
    assertThat(window.periodOn(LocalDate.of(2026, 12, 1))).isEmpty();
  }

  @Test
  void P3_R09_without_the_declaration_that_its_materials_are_true_the_application_is_refused() {
    Map<String, Object> v = application();
    v.remove("materialsDeclaredTrue");
    List<FieldError> errors = check.checkStart(v, JULY);
    assertThat(fields(errors)).containsExactly("materialsDeclaredTrue");
    assertThat(errors.get(0).chinese()).contains("真实性负责");
    v.put("materialsDeclaredTrue", false);
    assertThat(fields(check.checkStart(v, JULY))).containsExactly("materialsDeclaredTrue");
  }

  @Test
  void P3_R02_the_months_are_configuration() {
    ApplicationCheck march = new ApplicationCheck(new ApplicationWindow(List.of(3)));
    assertThat(march.checkStart(application(), LocalDate.of(2026, 3, 2))).isEmpty();
    assertThat(march.checkStart(application(), JULY)).hasSize(1);
  }

  @Test
  void P3_R07_the_credit_code_must_have_18_characters_and_a_valid_check_digit() {
    Map<String, Object> v = application();
    v.put("creditCode", "91141002MA0K1A2B3");
    assertThat(fields(check.checkStart(v, JULY))).containsExactly("creditCode");
    v.put("creditCode", "91141002MA0K1A2B39");
    List<FieldError> errors = check.checkStart(v, JULY);
    assertThat(fields(errors)).containsExactly("creditCode");
    assertThat(errors.get(0).chinese()).contains("校验位");
  }

  @Test
  void county_and_taxes_are_checked() {
    Map<String, Object> v = application();
    v.put("county", "北京市");
    v.put("vatPaid", "-1");
    v.put("stampDuty", "1.234");
    v.remove("educationSurcharge");
    assertThat(fields(check.checkStart(v, JULY)))
        .containsExactlyInAnyOrder("county", "vatPaid", "stampDuty", "educationSurcharge");
  }

  @Test
  void all_taxes_zero_leave_nothing_to_reward() {
    Map<String, Object> v = application();
    for (String tax : ScrapSteelRewardProcess.Variables.TAXES) {
      v.put(tax, "0");
    }
    assertThat(fields(check.checkFigures(v))).containsExactly("vatPaid");
  }

  @Test
  void P3_R08_the_preceding_half_year_of_any_day() {
    assertThat(ApplicationWindow.precedingPeriod(LocalDate.of(2027, 6, 30))).isEqualTo("2026-H2");
    assertThat(ApplicationWindow.precedingPeriod(LocalDate.of(2026, 12, 31))).isEqualTo("2026-H1");
    assertThat(ApplicationWindow.label("not a period")).isEqualTo("not a period");
  }
}
