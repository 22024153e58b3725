package cn.gov.linfen.fenhe.procedures.p1;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.engine.ParsedOnceFeelEngine;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of the P1 decision tables, with the DMN engine, at and around each boundary. */
class SoeReformFundDecisionsTest {

  static DmnEngine engine;
  static DmnDecision signOff;
  static DmnDecision reviewers;
  static DmnDecision staffing;
  static DmnDecision payCaps;

  @BeforeAll
  static void parse() throws Exception {
    engine = ParsedOnceFeelEngine.dmnEngine(); // FEEL as in the process engine
    signOff = parse(SoeReformFundProcess.Decisions.SIGN_OFF);
    reviewers = parse(SoeReformFundProcess.Decisions.REVIEWERS);
    staffing = parse(SoeReformFundProcess.Decisions.STAFFING_LIMITS);
    payCaps = parse(SoeReformFundProcess.Decisions.PAY_CAPS);
  }

  static DmnDecision parse(String key) throws Exception {
    try (InputStream in =
        SoeReformFundDecisionsTest.class
            .getClassLoader()
            .getResourceAsStream(SoeReformFundProcess.Decisions.RESOURCE_FOLDER + key + ".dmn")) {
      return engine.parseDecision(key, in);
    }
  }

  static String route(String requested, boolean liquidation, boolean resettlement) {
    return engine
        .evaluateDecision(
            signOff,
            Map.of(
                "requestedAmount",
                requested,
                "hasLiquidationCosts",
                liquidation,
                "hasResettlementCosts",
                resettlement))
        .getSingleEntry();
  }

  @ParameterizedTest(name = "{0} yuan, liquidation {1}, resettlement {2}")
  @CsvSource({
    "500000.00,true,false",
    "500000.00,false,true",
    "500000.00,true,true",
    "500000.01,true,false",
    "3500000.00,false,true"
  })
  void P1_R07_from_500000_yuan_the_municipal_government_signs_the_whole_application(
      String amount, boolean liquidation, boolean resettlement) {
    assertThat(route(amount, liquidation, resettlement)).isEqualTo("MUNICIPAL_GOVERNMENT_WHOLE");
  }

  @Test
  void P1_R08_under_500000_liquidation_costs_are_signed_by_the_reform_office() {
    assertThat(route("499999.99", true, false)).isEqualTo("REFORM_OFFICE");
    assertThat(route("0.01", true, false)).isEqualTo("REFORM_OFFICE");
  }

  @Test
  void P1_R08_under_500000_resettlement_costs_are_signed_by_the_municipal_government() {
    assertThat(route("499999.99", false, true)).isEqualTo("MUNICIPAL_GOVERNMENT");
  }

  @Test
  void P1_R08_under_500000_an_application_with_both_categories_needs_both_signatures() {
    assertThat(route("499999.99", true, true)).isEqualTo("BOTH");
  }

  static List<String> reviewersOf(Map<String, String> items) {
    Map<String, Object> variables = new HashMap<>();
    for (String item :
        List.of(
            "liquidationCostAmount",
            "economicCompensation",
            "owedWages",
            "pensionArrears",
            "workInjuryInsurance",
            "medicalArrears",
            "oneChildFees",
            "laidOffLivingAllowance",
            "over4050LivingAllowance",
            "otherResettlement")) {
      variables.put(item, "0.00");
    }
    variables.putAll(items);
    DmnDecisionResult result = engine.evaluateDecision(reviewers, variables);
    return result.collectEntries("reviewerGroup");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "liquidationCostAmount,supervising-department",
    "economicCompensation,hrss-bureau",
    "owedWages,supervising-department",
    "pensionArrears,hrss-bureau",
    "workInjuryInsurance,hrss-bureau",
    "medicalArrears,medical-insurance-bureau",
    "oneChildFees,health-commission",
    "laidOffLivingAllowance,supervising-department",
    "over4050LivingAllowance,sasac",
    "otherResettlement,sasac"
  })
  void P1_R04_each_item_present_asks_its_reviewer(String item, String group) {
    assertThat(reviewersOf(Map.of(item, "0.01"))).containsExactly(group);
  }

  @Test
  void P1_R04_an_item_of_zero_asks_nobody_and_several_items_ask_each_of_their_reviewers() {
    assertThat(reviewersOf(Map.of())).isEmpty();
    assertThat(
            reviewersOf(
                Map.of(
                    "economicCompensation",
                    "10.00",
                    "pensionArrears",
                    "20.00",
                    "oneChildFees",
                    "5.00")))
        .containsExactlyInAnyOrder("hrss-bureau", "hrss-bureau", "health-commission");
  }

  static Map<String, Object> band(int employees) {
    return engine
        .evaluateDecision(staffing, Map.of("employeeCount", employees))
        .getSingleResult()
        .getEntryMap();
  }

  @ParameterizedTest(name = "{0} employees → at most {1}")
  @CsvSource({
    "0,5", "99,5", "100,5", "101,8", "499,8", "500,8", "501,10", "999,10", "1000,10", "1001,15",
    "2000,15"
  })
  void
      P1_R11_staffing_limits_by_band_with_the_boundary_in_the_lower_band_by_civil_code_article_1259(
          int employees, int limit) {
    Map<String, Object> row = band(employees);
    assertThat(row.get("maxHiredStaff")).isEqualTo(limit);
    assertThat(row.get("maxCaretakerStaff")).isEqualTo(limit);
    assertThat(row.get("hasStandard")).isEqualTo(true);
  }

  @Test
  void P1_R11_over_2000_employees_there_is_no_standard_and_a_person_decides() {
    Map<String, Object> row = band(2001);
    assertThat(row.get("hasStandard")).isEqualTo(false);
    assertThat(row.get("maxHiredStaff")).isNull();
    assertThat((String) row.get("staffingBand")).contains("无标准");
  }

  @ParameterizedTest(name = "{0}: {1}–{2} yuan a month")
  @CsvSource({
    "EXTERNAL_HEAD,,5500",
    "GROUP_LEADER,,4000",
    "OTHER_STAFF,,3500",
    "CARETAKER,1600,3500"
  })
  void P1_R12_monthly_pay_caps(String role, Integer min, Integer max) {
    Map<String, Object> row =
        engine.evaluateDecision(payCaps, Map.of("staffRole", role)).getSingleResult().getEntryMap();
    assertThat(row.get("minMonthlyPay")).isEqualTo(min);
    assertThat(row.get("maxMonthlyPay")).isEqualTo(max);
  }
}
