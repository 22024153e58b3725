package cn.gov.linfen.fenhe.procedures.p4;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.engine.ParsedOnceFeelEngine;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformity table (coal-quality-conformity.dmn, P4-R02, 临政办发〔2021〕22号 二(一)) evaluated by the
 * Camunda DMN engine: for every coal type and zone, each limit itself and one hundredth above it;
 * "以下" includes the limit, "以上" includes it too (the other zone fails at 0.5 / 15).
 */
class CoalQualityConformityTest {

  static DmnEngine dmn;
  static DmnDecision conformity;
  static DmnDecision routing;

  @BeforeAll
  static void parse() throws Exception {
    dmn = ParsedOnceFeelEngine.dmnEngine(); // FEEL as in the process engine
    conformity = parse(CoalQualitySamplingProcess.Decisions.CONFORMITY);
    routing = parse(CoalQualitySamplingProcess.Decisions.VIOLATION_ROUTING);
  }

  static DmnDecision parse(String key) throws Exception {
    try (InputStream in =
        CoalQualityConformityTest.class
            .getClassLoader()
            .getResourceAsStream(
                CoalQualitySamplingProcess.Decisions.RESOURCE_FOLDER + key + ".dmn")) {
      return dmn.parseDecision(key, in);
    }
  }

  static Map<String, Object> evaluate(String type, String zone, double s, double ash, double v) {
    Map<String, Object> in = new HashMap<>();
    in.put("coalType", type);
    in.put("zone", zone);
    in.put("sulphur", s);
    in.put("ash", ash);
    in.put("volatiles", v);
    DmnDecisionResult result = dmn.evaluateDecision(conformity, in);
    assertThat(result).as(type + "/" + zone).isNotEmpty();
    return result.getFirstResult().getEntryMap();
  }

  /** No-burn limits of 二(一) ①–④: sulphur, ash (null: none given), volatiles. */
  record Limits(String type, double sulphur, Double ash, double volatiles) {}

  static final List<Limits> NO_BURN =
      List.of(
          new Limits("bituminous", 0.5, 10.0, 37),
          new Limits("anthracite", 0.5, 10.0, 12),
          new Limits("briquette", 0.5, null, 12),
          new Limits("coke", 0.5, 10.0, 5),
          new Limits("semi-coke", 0.5, 10.0, 10));

  static Stream<Arguments> noBurnLimits() {
    List<Arguments> cases = new ArrayList<>();
    for (Limits l : NO_BURN) {
      double ash = l.ash() == null ? 30 : l.ash();
      // each limit itself conforms, one hundredth above fails
      cases.add(
          Arguments.of(l.type(), "sulphur at the limit", l.sulphur(), ash, l.volatiles(), true));
      cases.add(
          Arguments.of(
              l.type(), "sulphur 0.01 above", l.sulphur() + 0.01, ash, l.volatiles(), false));
      if (l.ash() != null) {
        cases.add(
            Arguments.of(l.type(), "ash at the limit", l.sulphur(), l.ash(), l.volatiles(), true));
        cases.add(
            Arguments.of(
                l.type(), "ash 0.01 above", l.sulphur(), l.ash() + 0.01, l.volatiles(), false));
      }
      cases.add(
          Arguments.of(l.type(), "volatiles at the limit", l.sulphur(), ash, l.volatiles(), true));
      cases.add(
          Arguments.of(
              l.type(), "volatiles 0.01 above", l.sulphur(), ash, l.volatiles() + 0.01, false));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "P4_R02 禁燃区 {0}: {1} → {5}")
  @MethodSource("noBurnLimits")
  void P4_R02_no_burn_zone_each_limit_conforms_and_one_hundredth_above_fails(
      String type, String what, double s, double ash, double v, boolean conforms) {
    Map<String, Object> answer = evaluate(type, "no-burn", s, ash, v);
    assertThat(answer.get("conforms")).as(type + " " + what).isEqualTo(conforms);
    assertThat((String) answer.get("clause")).startsWith("临政办发〔2021〕22号 二(一)").contains("禁燃区");
  }

  static Stream<Arguments> types() {
    return Stream.of("bituminous", "anthracite", "briquette", "coke", "semi-coke")
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "P4_R02 其他区域 {0}")
  @MethodSource("types")
  void P4_R02_other_zone_fails_from_sulphur_0_5_or_ash_15_and_volatiles_are_not_limited(
      String type) {
    assertThat(evaluate(type, "other", 0.49, 14.99, 60).get("conforms")).isEqualTo(true);
    // "以上" includes the figure itself: at the limit fails, and one hundredth above
    assertThat(evaluate(type, "other", 0.5, 10, 20).get("conforms")).isEqualTo(false);
    assertThat(evaluate(type, "other", 0.51, 10, 20).get("conforms")).isEqualTo(false);
    assertThat(evaluate(type, "other", 0.3, 15, 20).get("conforms")).isEqualTo(false);
    assertThat(evaluate(type, "other", 0.3, 15.01, 20).get("conforms")).isEqualTo(false);
    assertThat((String) evaluate(type, "other", 0.3, 15.01, 20).get("clause"))
        .contains("其他区域")
        .contains("灰分15%以上");
  }

  @ParameterizedTest(name = "P4_R02 禁煤区 {0}")
  @MethodSource("types")
  void P4_R02_in_the_no_coal_zone_any_sale_fails_whatever_the_quality(String type) {
    Map<String, Object> answer = evaluate(type, "no-coal", 0.1, 5, 3);
    assertThat(answer.get("conforms")).isEqualTo(false);
    assertThat((String) answer.get("clause")).contains("禁煤区").contains("全面禁止储存、销售和燃用煤炭及其制品");
  }

  @Test
  void P4_R02_a_briquette_at_sulphur_0_51_in_the_no_burn_zone_fails() {
    Map<String, Object> answer = evaluate("briquette", "no-burn", 0.51, 8, 10);
    assertThat(answer.get("conforms")).isEqualTo(false);
    assertThat((String) answer.get("clause")).contains("二(一)②").contains("型煤");
  }

  @Test
  void P4_R02_every_row_cites_its_clause() throws Exception {
    String xml;
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream(
                CoalQualitySamplingProcess.Decisions.RESOURCE_FOLDER
                    + "coal-quality-conformity.dmn")) {
      xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    String[] rules = xml.split("<rule ");
    assertThat(rules.length - 1).isEqualTo(13);
    for (int i = 1; i < rules.length; i++) {
      assertThat(rules[i]).as("rule " + i).contains("<description>P4-R02 临政办发〔2021〕22号 二(一)");
    }
  }

  static List<Object> handlers(boolean sale, boolean storage, boolean warning) {
    Map<String, Object> in =
        Map.of(
            "violationSale",
            sale,
            "violationStorageOrBurning",
            storage,
            "violationWarningPeriod",
            warning);
    return dmn.evaluateDecision(routing, in).collectEntries("violationHandler");
  }

  @Test
  void
      P4_R04_sale_goes_to_market_supervision_storage_or_burning_to_ecology_warning_period_to_public_security() {
    assertThat(handlers(true, false, false)).containsExactly("county-market-supervision");
    assertThat(handlers(false, true, false)).containsExactly("ecology-environment-bureau");
    assertThat(handlers(false, false, true)).containsExactly("public-security-bureau");
    assertThat(handlers(true, true, true))
        .containsExactly(
            "county-market-supervision", "ecology-environment-bureau", "public-security-bureau");
  }
}
