package cn.gov.linfen.fenhe.procedures.p1;

import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Elements.*;
import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario.application;
import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario.demo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Groups;
import cn.gov.linfen.fenhe.test.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

/** Who may do what in P1: bad starts are refused, and every role does only its own step. */
class SoeReformFundAccessTest extends SoeReformFundCaseTest {

  private void assertRefused(
      String prefix, Map<String, Object> variables, String field, String reason) {
    SoeReformFundScenario p1 = scenario(prefix);
    Http.Response response = p1.startAs(p1.applicant, variables);
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().get("field").asText()).isEqualTo(field);
    assertThat(response.body()).contains(field).contains(reason);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(p1.businessKey)
                .count())
        .as("no instance")
        .isZero();
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(p1.businessKey)
                .count())
        .isZero();
  }

  private static Map<String, Object> with(String name, Object value) {
    Map<String, Object> variables =
        new HashMap<>(application(Map.of("liquidationCostAmount", "100000.00")));
    variables.put(name, value);
    return variables;
  }

  // ------------------------------------------------------------------ bad starts (X-R04)

  @Test
  void X_R04_a_negative_amount_is_refused_with_400_naming_the_field_and_nothing_is_created() {
    assertRefused("X-R04-NEG", with("owedWages", "-1.00"), "owedWages", "不能为负数");
  }

  @Test
  void X_R04_a_non_numeric_amount_is_refused_with_400_naming_the_field_and_nothing_is_created() {
    assertRefused("X-R04-NAN", with("totalReformCost", "五百万"), "totalReformCost", "不是有效的金额数字");
  }

  @Test
  void X_R04_a_missing_enterprise_name_is_refused_with_400_and_nothing_is_created() {
    Map<String, Object> variables = with("enterpriseName", "x");
    variables.remove("enterpriseName");
    assertRefused("X-R04-NAME", variables, "enterpriseName", "企业名称必填");
  }

  @Test
  void P1_R01_a_reform_type_other_than_bankruptcy_or_liquidation_is_refused_with_400() {
    assertRefused("P1-R01", with("reformType", "RESTRUCTURING"), "reformType", "第十六条");
  }

  @Test
  void P1_R16_a_liquidation_without_the_declaration_of_only_employee_debts_is_refused_with_400() {
    Map<String, Object> variables = with("onlyEmployeeDebtsDeclared", false);
    assertRefused("P1-R16", variables, "onlyEmployeeDebtsDeclared", "仅拖欠职工工资、社保债务");
  }

  @Test
  void
      P1_R17_bankruptcy_administrator_costs_without_the_creditors_meeting_resolution_are_refused_and_with_it_recorded() {
    Map<String, Object> variables = with("reformType", "BANKRUPTCY");
    variables.put("liquidationCostAmount", "100000.00");
    variables.remove("onlyEmployeeDebtsDeclared");
    assertRefused("P1-R17", variables, "creditorsMeetingResolution", "债权人会议审议表决通过");

    variables.put("creditorsMeetingResolution", "2026年6月2日第一次债权人会议表决通过");
    SoeReformFundScenario p1 = scenario("P1-R17-OK").start(variables);
    p1.runUntil(INITIAL_REVIEW);
    assertThat(p1.variable("costApprovalBody")).isEqualTo("CREDITORS_MEETING");
    assertThat((String) p1.variable("costApprovalNote")).contains("2026年6月2日第一次债权人会议表决通过");
    // the resolution is a material the completeness check looks for
    assertThat((String) p1.variable("missingAttachments")).contains("债权人会议审议表决通过破产管理人费用的决议");
  }

  @Test
  void P1_R02_a_request_above_the_funding_gap_is_refused_with_400_land_proceeds_not_counted() {
    // gap = 5,000,000 − 1,500,000 = 3,500,000; the 2,000,000 of land proceeds do not raise it
    Map<String, Object> variables =
        new HashMap<>(
            application(
                Map.of(
                    "liquidationCostAmount", "1500000.00", "economicCompensation", "2000000.01")));
    assertRefused("P1-R02", variables, "requestedAmount", "超过资金缺口 3500000.00 元");
  }

  @Test
  void P1_R02_a_request_of_exactly_the_funding_gap_is_accepted() {
    SoeReformFundScenario p1 =
        scenario("P1-R02-OK")
            .start(
                application(
                    Map.of(
                        "liquidationCostAmount",
                        "1500000.00",
                        "economicCompensation",
                        "2000000.00")));
    p1.runUntil(INITIAL_REVIEW);
    assertThat(p1.variable("fundingGap")).isEqualTo("3500000.00");
    assertThat(p1.variable("requestedAmount")).isEqualTo("3500000.00");
  }

  @Test
  void only_a_liquidation_team_may_apply() {
    SoeReformFundScenario p1 = scenario("P1-START");
    Http.Response refused =
        p1.startAs(
            demo(Groups.FINANCE_BUREAU), application(Map.of("liquidationCostAmount", "1000.00")));
    assertThat(refused.status()).isIn(403, 404);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(p1.businessKey)
                .count())
        .isZero();
  }

  // ------------------------------------------------------------------ every role only its own step

  @Test
  void the_finance_bureau_cannot_sign_off() {
    SoeReformFundScenario p1 =
        scenario("ROLE-SIGN").start(application(Map.of("economicCompensation", "50000.00")));
    p1.runUntil(MUNICIPAL_GOVERNMENT_SIGN_OFF);
    String signOff = p1.openTask(MUNICIPAL_GOVERNMENT_SIGN_OFF).getId();
    Http finance = p1.as(demo(Groups.FINANCE_BUREAU));

    Http.Response visible =
        finance.get(
            "/engine-rest/task?processInstanceBusinessKey=" + p1.businessKey + "&maxResults=10");
    assertThat(visible.json()).isEmpty();
    assertThat(
            finance
                .post(
                    "/engine-rest/task/" + signOff + "/claim",
                    "{\"userId\":\"demo-finance-bureau\"}")
                .status())
        .isIn(403, 404);
    assertThat(
            finance
                .post(
                    "/engine-rest/task/" + signOff + "/submit-form",
                    "{\"variables\":{\"approved\":{\"value\":true},\"opinion\":{\"value\":\"同意\"}}}")
                .status())
        .isIn(403, 404);
    assertThat(p1.openTaskKeys()).contains(MUNICIPAL_GOVERNMENT_SIGN_OFF);
  }

  @Test
  void a_reviewer_cannot_complete_another_departments_review() {
    SoeReformFundScenario p1 =
        scenario("ROLE-REVIEW")
            .start(
                application(
                    Map.of(
                        "economicCompensation",
                        "50000.00",
                        "over4050LivingAllowance",
                        "10000.00")));
    p1.runUntil(HRSS_REVIEW, SASAC_REVIEW);
    String sasacTask = p1.openTask(SASAC_REVIEW).getId();
    Http hrss = p1.as(demo(Groups.HRSS_BUREAU));
    assertThat(
            hrss.post(
                    "/engine-rest/task/" + sasacTask + "/submit-form",
                    "{\"variables\":{\"approved\":{\"value\":true},\"opinion\":{\"value\":\"代审\"}}}")
                .status())
        .isIn(403, 404);
    Http jilin = p1.as(demo(Groups.JILIN_INVESTMENT));
    assertThat(
            jilin
                .get(
                    "/engine-rest/task?processInstanceBusinessKey="
                        + p1.businessKey
                        + "&maxResults=10")
                .json())
        .isEmpty();
    assertThat(p1.openTaskKeys()).contains(SASAC_REVIEW, HRSS_REVIEW);
  }

  @Test
  void a_liquidation_team_sees_only_its_own_cases() {
    String otherTeam = "lt-" + UUID.randomUUID().toString().substring(0, 8);
    IdentityService identity = engine.getIdentityService();
    User user = identity.newUser(otherTeam);
    user.setFirstName("另一清算组");
    user.setLastName("测试");
    user.setPassword("Other!Team2026x");
    identity.saveUser(user);
    identity.createMembership(otherTeam, Groups.LIQUIDATION_TEAM);

    SoeReformFundScenario mine =
        scenario("OWN-A").start(application(Map.of("liquidationCostAmount", "10000.00")));
    SoeReformFundScenario theirs = scenario("OWN-B");
    theirs.applicant = otherTeam;
    theirs.applicantPassword = "Other!Team2026x";
    theirs.start(application(Map.of("liquidationCostAmount", "20000.00")));
    // each applicant gets a task of his own case: the correction after a return (withdrawal is no
    // longer a standing task)
    for (SoeReformFundScenario p1 : List.of(mine, theirs)) {
      p1.on(
          INITIAL_REVIEW,
          demo(Groups.SUPERVISING_DEPARTMENT),
          SoeReformFundScenario.reject("请补充说明"));
      p1.runUntil(CORRECT_APPLICATION);
    }

    for (SoeReformFundScenario[] pair :
        new SoeReformFundScenario[][] {{mine, theirs}, {theirs, mine}}) {
      Http applicant = pair[0].as(pair[0].applicant);
      JsonNode instances =
          applicant
              .get(
                  "/engine-rest/process-instance?processDefinitionKey="
                      + SoeReformFundProcess.KEY
                      + "&maxResults=200")
              .json();
      assertThat(instances.findValuesAsText("businessKey"))
          .contains(pair[0].businessKey)
          .doesNotContain(pair[1].businessKey);
      JsonNode tasks =
          applicant
              .get(
                  "/engine-rest/task?processDefinitionKey="
                      + SoeReformFundProcess.KEY
                      + "&maxResults=200")
              .json();
      assertThat(tasks.findValuesAsText("processInstanceId"))
          .contains(pair[0].processInstanceId)
          .doesNotContain(pair[1].processInstanceId);
      assertThat(
              applicant
                  .get("/engine-rest/process-instance/" + pair[1].processInstanceId + "/variables")
                  .status())
          .isIn(403, 404);
      assertThat(
              applicant
                  .get("/engine-rest/process-instance/" + pair[0].processInstanceId + "/variables")
                  .status())
          .isEqualTo(200);
    }
    identity.deleteUser(otherTeam);
  }

  @Test
  void an_applicant_still_sees_his_case_and_its_history_once_it_has_ended_and_nobody_elses() {
    SoeReformFundScenario mine =
        scenario("OWN-END").start(application(Map.of("liquidationCostAmount", "10000.00")));
    SoeReformFundScenario running =
        scenario("OWN-RUN").start(application(Map.of("liquidationCostAmount", "20000.00")));
    mine.runUntil();
    assertThat(mine.ended()).isTrue();

    Http applicant = mine.as(mine.applicant);
    JsonNode history =
        applicant
            .get(
                "/engine-rest/history/process-instance?maxResults=10&processInstanceBusinessKey="
                    + mine.businessKey)
            .json();
    assertThat(history).hasSize(1);
    assertThat(history.get(0).get("state").asText()).isEqualTo("COMPLETED");
    JsonNode variables =
        applicant
            .get(
                "/engine-rest/history/variable-instance?processInstanceId="
                    + mine.processInstanceId
                    + "&variableName=requestedAmount&maxResults=10")
            .json();
    assertThat(variables.findValuesAsText("value")).contains("10000.00");

    // another liquidation team (here: a colleague who did not apply) sees neither case's history
    String other = "lt-" + UUID.randomUUID().toString().substring(0, 8);
    IdentityService identity = engine.getIdentityService();
    User user = identity.newUser(other);
    user.setFirstName("另一清算组");
    user.setLastName("测试");
    user.setPassword("Other!Team2026x");
    identity.saveUser(user);
    identity.createMembership(other, Groups.LIQUIDATION_TEAM);
    try {
      Http stranger = Http.as(baseUrl(), other, "Other!Team2026x");
      for (SoeReformFundScenario p1 : new SoeReformFundScenario[] {mine, running}) {
        assertThat(
                stranger
                    .get(
                        "/engine-rest/history/process-instance?maxResults=10&processInstanceBusinessKey="
                            + p1.businessKey)
                    .json())
            .isEmpty();
        assertThat(
                stranger
                    .get(
                        "/engine-rest/history/variable-instance?maxResults=10&processInstanceId="
                            + p1.processInstanceId)
                    .json())
            .isEmpty();
      }
    } finally {
      identity.deleteUser(other);
    }
  }

  @Test
  void the_workers_technical_user_completes_external_tasks_but_sees_no_user_task() {
    SoeReformFundScenario p1 =
        scenario("ROLE-WORKER").start(application(Map.of("liquidationCostAmount", "10000.00")));
    p1.runUntil(INITIAL_REVIEW);
    Http worker = Http.as(baseUrl(), "fenhe-worker", DEMO_PASSWORD);
    assertThat(
            worker
                .get(
                    "/engine-rest/task?processInstanceBusinessKey="
                        + p1.businessKey
                        + "&maxResults=10")
                .json())
        .isEmpty();
  }
}
