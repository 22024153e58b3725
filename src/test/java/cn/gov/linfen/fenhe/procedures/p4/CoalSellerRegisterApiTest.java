package cn.gov.linfen.fenhe.procedures.p4;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.audit.AuditLog;
import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The seller register (/api/coal/sellers) and the coverage table (/api/coal/coverage): county scope
 * (X-R03), bad input refused with the field and the reason in Chinese and English and nothing
 * written (X-R04), every change audit-logged; the two pages are served in Chinese.
 */
class CoalSellerRegisterApiTest extends IntegrationTest {

  static final String YAODU = "demo-county-market-supervision";
  static final String HOUMA = "demo-county-market-supervision-houma";

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditLog audit;

  Http as(String user) {
    return Http.as(baseUrl(), user, DEMO_PASSWORD);
  }

  static String body(String code, String county, String zone) {
    return "{\"creditCode\":\""
        + code
        + "\",\"sellerName\":\"尧都区示例民用煤供应点\",\"sellerKind\":\"supply-point\","
        + "\"county\":\""
        + county
        + "\",\"zone\":\""
        + zone
        + "\",\"address\":\"尧都区解放路 1 号\"}";
  }

  int rows(String code) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM fenhe_coal_seller WHERE credit_code = ?", Integer.class, code);
  }

  void refused(Http.Response answer, String field) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.json().get("field").asText()).isEqualTo(field);
    assertThat(answer.json().get("reason").asText()).containsPattern("\\p{IsHan}");
    assertThat(answer.json().get("reasonEn").asText()).isNotBlank();
  }

  @Test
  void X_R04_bad_input_is_refused_with_the_field_and_nothing_is_written() {
    String code = CoalSamplingDriver.newCreditCode(County.YAODU);
    String badCheck = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
    refused(as(YAODU).post("/api/coal/sellers", body(badCheck, "尧都区", "no-burn")), "creditCode");
    assertThat(rows(badCheck)).isZero();
    refused(as(YAODU).post("/api/coal/sellers", body(code, "平遥县", "no-burn")), "county");
    refused(as(YAODU).post("/api/coal/sellers", body(code, "尧都区", "city-centre")), "zone");
    Http.Response zone = as(YAODU).post("/api/coal/sellers", body(code, "尧都区", "somewhere"));
    assertThat(zone.json().get("reason").asText()).isEqualTo("所在区域须为禁煤区、高污染燃料禁燃区或其他区域");
    refused(
        as(YAODU)
            .post(
                "/api/coal/sellers", body(code, "尧都区", "no-burn").replace("supply-point", "shop")),
        "sellerKind");
    assertThat(rows(code)).isZero();

    assertThat(as(YAODU).post("/api/coal/sellers", body(code, "尧都区", "no-burn")).status())
        .isEqualTo(201);
    Http.Response duplicate = as(YAODU).post("/api/coal/sellers", body(code, "尧都区", "other"));
    refused(duplicate, "creditCode");
    assertThat(duplicate.json().get("reason").asText()).contains("已登记");
    assertThat(rows(code)).isEqualTo(1);
    refused(as(CoalSamplingDriver.BUREAU).get("/api/coal/coverage?month=2026-13"), "month");
  }

  @Test
  void X_R03_a_county_keeps_and_sees_only_its_own_register_and_every_change_is_audit_logged() {
    String code = CoalSamplingDriver.newCreditCode(County.YAODU);
    // 侯马市 may not register in 尧都区
    assertThat(as(HOUMA).post("/api/coal/sellers", body(code, "尧都区", "no-burn")).status())
        .isEqualTo(403);
    assertThat(as(YAODU).post("/api/coal/sellers", body(code, "尧都区", "no-burn")).status())
        .isEqualTo(201);
    JsonNode own = as(YAODU).get("/api/coal/sellers").json();
    assertThat(own.get("sellers").findValuesAsText("creditCode")).contains(code);
    assertThat(own.get("sellers").findValuesAsText("county")).containsOnly("尧都区");
    assertThat(
            as(HOUMA).get("/api/coal/sellers").json().get("sellers").findValuesAsText("creditCode"))
        .doesNotContain(code);
    assertThat(as(HOUMA).get("/api/coal/sellers?county=尧都区").status()).isEqualTo(403);
    assertThat(as("demo-enterprise").get("/api/coal/sellers").status()).isEqualTo(403);
    assertThat(
            as(CoalSamplingDriver.BUREAU)
                .get("/api/coal/sellers?county=尧都区")
                .json()
                .get("sellers")
                .findValuesAsText("creditCode"))
        .contains(code);

    // a change of zone, then removal; 侯马市 may do neither
    String change =
        "{\"sellerName\":\"尧都区示例民用煤供应点\",\"sellerKind\":\"supply-point\",\"zone\":\"no-coal\"}";
    assertThat(as(HOUMA).put("/api/coal/sellers/" + code, change).status()).isEqualTo(403);
    Http.Response changed = as(YAODU).put("/api/coal/sellers/" + code, change);
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().get("zoneLabel").asText()).isEqualTo("禁煤区");
    assertThat(as(HOUMA).delete("/api/coal/sellers/" + code).status()).isEqualTo(403);
    assertThat(as(YAODU).delete("/api/coal/sellers/" + code).status()).isEqualTo(204);
    assertThat(as(YAODU).delete("/api/coal/sellers/" + code).status()).isEqualTo(404);

    assertThat(
            audit.entriesAbout(CoalRegisters.subject(code), 10).stream()
                .map(AuditLog.Entry::action)
                .toList())
        .containsExactly("COAL_SELLER_REMOVE", "COAL_SELLER_CHANGE", "COAL_SELLER_ADD");
    assertThat(audit.entriesAbout(CoalRegisters.subject(code), 10).get(1).details())
        .contains("no-burn")
        .contains("no-coal");
    // registered again after removal
    assertThat(as(YAODU).post("/api/coal/sellers", body(code, "尧都区", "other")).status())
        .isEqualTo(201);
  }

  @Test
  void
      P4_R05_coverage_is_for_supervisors_the_city_bureau_and_a_county_its_own_and_the_pages_are_chinese() {
    JsonNode all = as("demo-supervisors").get("/api/coal/coverage?month=2026-11").json();
    assertThat(all.get("monthLabel").asText()).isEqualTo("2026年11月");
    assertThat(all.get("counties")).hasSize(17);
    JsonNode own = as(HOUMA).get("/api/coal/coverage?month=2026-11").json();
    assertThat(own.get("counties")).hasSize(1);
    assertThat(own.get("counties").get(0).get("county").asText()).isEqualTo("侯马市");
    assertThat(as("demo-enterprise").get("/api/coal/coverage?month=2026-11").status())
        .isEqualTo(403);

    Http.Response page = Http.anonymous(baseUrl()).get("/fenhe/coal-coverage.html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("民用煤煤质抽检覆盖率", "/api/coal/coverage", "每月抽检覆盖率 20% 以上");
    Http.Response register = Http.anonymous(baseUrl()).get("/fenhe/coal-sellers.html");
    assertThat(register.status()).isEqualTo(200);
    assertThat(register.body()).contains("民用煤销售单位登记册", "高污染燃料禁燃区", "/api/coal/sellers");
  }
}
