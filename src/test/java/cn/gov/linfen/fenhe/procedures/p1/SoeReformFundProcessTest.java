package cn.gov.linfen.fenhe.procedures.p1;

import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Elements.*;
import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario.application;
import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario.approve;
import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario.demo;
import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario.reject;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.common.Escalating;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Decided;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Groups;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Topics;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.TestClock;
import cn.gov.linfen.fenhe.test.TestFiles;
import cn.gov.linfen.fenhe.workers.common.EscalateWorker;
import cn.gov.linfen.fenhe.workers.p1.IssueDisbursementNoticeWorker;
import cn.gov.linfen.fenhe.workers.p1.RecordTransferWorker;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * P1 国企改革专项资金 end to end: every path of soe-reform-fund to its end event, as the users (REST, demo
 * logins, claim and submit like Tasklist), with the real workers.
 */
class SoeReformFundProcessTest extends SoeReformFundCaseTest {

  static final OffsetDateTime NOTICE_DAY = OffsetDateTime.parse("2026-09-30T10:00:00+08:00");
  static final OffsetDateTime TRANSFER_DUE = OffsetDateTime.parse("2026-10-10T18:00:00+08:00");

  @Autowired cn.gov.linfen.fenhe.audit.AuditLog audit;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ------------------------------------------------------------------ sign-off (Art. 9(3))

  @Test
  void P1_R07_municipal_government_signs_from_500000_yuan() {
    SoeReformFundScenario p1 =
        scenario("P1-R07")
            .start(
                application(
                    Map.of(
                        "liquidationCostAmount",
                        "300000.00",
                        "economicCompensation",
                        "200000.00")));

    p1.runUntil();

    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSED);
    assertThat(p1.worked())
        .containsExactly(
            INITIAL_REVIEW,
            COMPLETENESS_CHECK,
            SUPERVISING_DEPARTMENT_COST_REVIEW,
            HRSS_REVIEW,
            FINANCE_RECHECK,
            MUNICIPAL_GOVERNMENT_SIGN_OFF,
            PREPARE_NOTICE,
            TRANSFER_FUNDS);
    assertThat(p1.historicVariable("requestedAmount")).isEqualTo("500000.00");
    assertThat(p1.historicVariable("signOffRoute")).isEqualTo("MUNICIPAL_GOVERNMENT_WHOLE");
    p1.assertWiring();
  }

  @Test
  void P1_R08_reform_office_signs_499999_99_yuan_of_liquidation_costs() {
    SoeReformFundScenario p1 =
        scenario("P1-R08-RO").start(application(Map.of("liquidationCostAmount", "499999.99")));

    p1.runUntil();

    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSED);
    assertThat(p1.worked())
        .containsExactly(
            INITIAL_REVIEW,
            COMPLETENESS_CHECK,
            SUPERVISING_DEPARTMENT_COST_REVIEW,
            FINANCE_RECHECK,
            REFORM_OFFICE_SIGN_OFF,
            LEADER_CONSENT,
            PREPARE_NOTICE,
            TRANSFER_FUNDS);
    assertThat(p1.historicVariable("signOffRoute")).isEqualTo("REFORM_OFFICE");
    p1.assertWiring();
  }

  @Test
  void P1_R08_municipal_government_signs_resettlement_only_under_500000() {
    SoeReformFundScenario p1 =
        scenario("P1-R08-MG")
            .start(
                application(
                    Map.of("economicCompensation", "120000.00", "medicalArrears", "30000.50")));

    p1.runUntil();

    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSED);
    assertThat(p1.worked())
        .containsExactly(
            INITIAL_REVIEW,
            COMPLETENESS_CHECK,
            HRSS_REVIEW,
            MEDICAL_INSURANCE_REVIEW,
            FINANCE_RECHECK,
            MUNICIPAL_GOVERNMENT_SIGN_OFF,
            PREPARE_NOTICE,
            TRANSFER_FUNDS);
    assertThat(p1.historicVariable("signOffRoute")).isEqualTo("MUNICIPAL_GOVERNMENT");
    p1.assertWiring();
  }

  @Test
  void P1_R08_mixed_under_500000_is_signed_by_both_in_parallel() {
    SoeReformFundScenario p1 =
        scenario("P1-R08-BOTH")
            .start(
                application(
                    Map.of("liquidationCostAmount", "100000.00", "oneChildFees", "20000.00")));

    p1.runUntil(REFORM_OFFICE_SIGN_OFF, MUNICIPAL_GOVERNMENT_SIGN_OFF);

    assertThat(p1.openTaskKeys()).contains(MUNICIPAL_GOVERNMENT_SIGN_OFF, REFORM_OFFICE_SIGN_OFF);
    assertThat(p1.variable("signOffRoute")).isEqualTo("BOTH");
    p1.work(MUNICIPAL_GOVERNMENT_SIGN_OFF);
    assertThat(p1.openTaskKeys()).contains(REFORM_OFFICE_SIGN_OFF).doesNotContain(PREPARE_NOTICE);
    p1.work(REFORM_OFFICE_SIGN_OFF);
    p1.runUntil();

    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSED);
    assertThat(p1.historicVariable("reformOfficeSignOffApproved")).isEqualTo(true);
    assertThat(p1.historicVariable("municipalGovernmentSignOffApproved")).isEqualTo(true);
    // the reform office signed: a city leader consented before the notice (Art. 7, P1-R18)
    assertThat(p1.worked())
        .containsSubsequence(REFORM_OFFICE_SIGN_OFF, LEADER_CONSENT, PREPARE_NOTICE);
    p1.assertWiring();
  }

  @Test
  void
      P1_R18_where_the_reform_office_signs_a_city_leader_consents_before_the_notice_and_a_refusal_returns_the_case() {
    SoeReformFundScenario p1 =
        scenario("P1-R18").start(application(Map.of("liquidationCostAmount", "300000.00")));
    p1.on(LEADER_CONSENT, demo(Groups.MUNICIPAL_GOVERNMENT), reject("清算费用测算依据不足，请补充后再报"));

    p1.runUntil(CORRECT_APPLICATION);

    assertThat(p1.worked())
        .containsSubsequence(REFORM_OFFICE_SIGN_OFF, LEADER_CONSENT)
        .doesNotContain(PREPARE_NOTICE);
    JsonNode seen = p1.formVariables(CORRECT_APPLICATION, p1.applicant);
    assertThat(seen.get("leaderConsentApproved").get("value").asBoolean()).isFalse();
    assertThat(seen.get("leaderConsentOpinion").get("value").asText())
        .isEqualTo("清算费用测算依据不足，请补充后再报");

    p1.on(LEADER_CONSENT, demo(Groups.MUNICIPAL_GOVERNMENT), approve("同意出具拨款通知书"));
    p1.runUntil();
    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSED);
    assertThat(p1.worked())
        .containsSubsequence(
            CORRECT_APPLICATION, REFORM_OFFICE_SIGN_OFF, LEADER_CONSENT, PREPARE_NOTICE);
    assertThat(p1.historicVariable("leaderConsentApproved")).isEqualTo(true);
    p1.assertWiring();
  }

  @Test
  void
      P1_R18_where_the_municipal_government_signs_the_whole_application_no_further_consent_is_asked() {
    SoeReformFundScenario p1 =
        scenario("P1-R18-MG").start(application(Map.of("liquidationCostAmount", "500000.00")));

    p1.runUntil();

    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSED);
    assertThat(p1.worked())
        .contains(MUNICIPAL_GOVERNMENT_SIGN_OFF)
        .doesNotContain(REFORM_OFFICE_SIGN_OFF, LEADER_CONSENT);
    assertThat(p1.historicVariable("signOffRoute")).isEqualTo("MUNICIPAL_GOVERNMENT_WHOLE");
  }

  @Test
  void P1_R07_a_refused_sign_off_returns_the_case_to_the_applicant_who_resubmits() {
    SoeReformFundScenario p1 =
        scenario("P1-R07-NO").start(application(Map.of("liquidationCostAmount", "600000.00")));
    p1.on(MUNICIPAL_GOVERNMENT_SIGN_OFF, demo(Groups.MUNICIPAL_GOVERNMENT), reject("清算费用偏高，请核减"));
    p1.runUntil(CORRECT_APPLICATION);
    assertThat(p1.variable("municipalGovernmentSignOffOpinion")).isEqualTo("清算费用偏高，请核减");

    p1.on(MUNICIPAL_GOVERNMENT_SIGN_OFF, demo(Groups.MUNICIPAL_GOVERNMENT), approve("同意"));
    p1.on(
        CORRECT_APPLICATION,
        null,
        Map.of("applicantDecision", Decided.RESUBMIT, "liquidationCostAmount", "450000.00"));
    p1.runUntil();

    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSED);
    assertThat(p1.worked())
        .containsSubsequence(
            MUNICIPAL_GOVERNMENT_SIGN_OFF,
            CORRECT_APPLICATION,
            REFORM_OFFICE_SIGN_OFF,
            LEADER_CONSENT,
            PREPARE_NOTICE);
    assertThat(p1.historicVariable("signOffRoute")).isEqualTo("REFORM_OFFICE");
    p1.assertWiring();
  }

  // ------------------------------------------------------------------ reviews (Art. 9(2))

  @Test
  void
      P1_R04_only_reviewers_of_present_items_get_a_task_and_X_R02_their_opinions_never_overwrite_each_other() {
    SoeReformFundScenario p1 =
        scenario("P1-R04")
            .start(
                application(
                    Map.of(
                        "economicCompensation",
                        "10000.00",
                        "oneChildFees",
                        "5000.00",
                        "over4050LivingAllowance",
                        "8000.00",
                        "owedWages",
                        "0.00")));
    p1.on(HRSS_REVIEW, demo(Groups.HRSS_BUREAU), approve("人社：经济补偿金核定 10000 元"));
    p1.on(HEALTH_COMMISSION_REVIEW, demo(Groups.HEALTH_COMMISSION), approve("卫健：独生子女费属实"));
    p1.on(SASAC_REVIEW, demo(Groups.SASAC), approve("国资：生活补助符合标准"));

    p1.runUntil(HRSS_REVIEW, HEALTH_COMMISSION_REVIEW, SASAC_REVIEW);

    assertThat(p1.openTaskKeys())
        .containsExactlyInAnyOrder(HRSS_REVIEW, HEALTH_COMMISSION_REVIEW, SASAC_REVIEW);
    for (String absent : List.of(Groups.SUPERVISING_DEPARTMENT, Groups.MEDICAL_INSURANCE_BUREAU)) {
      Http.Response tasks =
          p1.as(demo(absent))
              .get(
                  "/engine-rest/task?processInstanceBusinessKey="
                      + p1.businessKey
                      + "&maxResults=10");
      assertThat(tasks.json()).as(absent + " has nothing to review").isEmpty();
    }
    p1.work(SASAC_REVIEW);
    p1.work(HRSS_REVIEW);
    p1.work(HEALTH_COMMISSION_REVIEW);
    p1.runUntil(FINANCE_RECHECK);

    // what the finance bureau's re-check sees: one result per reviewer, side by side
    Map<String, Object> seenByRecheck =
        engine.getTaskService().getVariables(p1.openTask(FINANCE_RECHECK).getId());
    assertThat(seenByRecheck.get("hrssReviewOpinion")).isEqualTo("人社：经济补偿金核定 10000 元");
    assertThat(seenByRecheck.get("healthCommissionReviewOpinion")).isEqualTo("卫健：独生子女费属实");
    assertThat(seenByRecheck.get("sasacReviewOpinion")).isEqualTo("国资：生活补助符合标准");
    assertThat(seenByRecheck.get("hrssReviewApproved")).isEqualTo(true);
    assertThat(seenByRecheck.get("medicalInsuranceReviewOpinion")).isNull();
    assertThat(seenByRecheck.get("supervisingDepartmentReviewApproved")).isNull();
    assertThat(engine.getRuntimeService().getVariables(p1.processInstanceId))
        .doesNotContainKeys("approved", "opinion");
    // each review's own result stays with its task in the history
    List<String> opinions =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(p1.processInstanceId)
            .variableName("opinion")
            .list()
            .stream()
            .map(v -> (String) v.getValue())
            .filter(v -> v != null)
            .toList();
    assertThat(opinions).contains("人社：经济补偿金核定 10000 元", "卫健：独生子女费属实", "国资：生活补助符合标准");
    p1.runUntil();
    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSED);
    p1.assertWiring();
  }

  @Test
  void
      P1_R05_a_rejection_returns_the_case_with_all_opinions_and_the_applicant_corrects_and_resubmits() {
    SoeReformFundScenario p1 =
        scenario("P1-R05-RESUBMIT")
            .start(
                application(
                    Map.of(
                        "economicCompensation",
                        "90000.00",
                        "over4050LivingAllowance",
                        "30000.00")));
    p1.on(HRSS_REVIEW, demo(Groups.HRSS_BUREAU), reject("经济补偿金计算基数有误，应为 80000 元"));
    p1.on(SASAC_REVIEW, demo(Groups.SASAC), approve("生活补助符合标准"));

    p1.runUntil(CORRECT_APPLICATION);

    JsonNode seen = p1.formVariables(CORRECT_APPLICATION, p1.applicant);
    assertThat(seen.get("hrssReviewApproved").get("value").asBoolean()).isFalse();
    assertThat(seen.get("hrssReviewOpinion").get("value").asText())
        .isEqualTo("经济补偿金计算基数有误，应为 80000 元");
    assertThat(seen.get("sasacReviewOpinion").get("value").asText()).isEqualTo("生活补助符合标准");
    assertThat(seen.get("initialReviewOpinion").get("value").asText()).isEqualTo("同意上报市企改办");

    p1.on(HRSS_REVIEW, demo(Groups.HRSS_BUREAU), approve("已按 80000 元核定"));
    p1.on(
        CORRECT_APPLICATION,
        null,
        Map.of("applicantDecision", Decided.RESUBMIT, "economicCompensation", "80000.00"));
    p1.runUntil();

    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSED);
    assertThat(p1.historicVariable("requestedAmount")).isEqualTo("110000.00");
    assertThat(p1.worked())
        .containsExactly(
            INITIAL_REVIEW,
            COMPLETENESS_CHECK,
            HRSS_REVIEW,
            SASAC_REVIEW,
            CORRECT_APPLICATION,
            INITIAL_REVIEW,
            COMPLETENESS_CHECK,
            HRSS_REVIEW,
            SASAC_REVIEW,
            FINANCE_RECHECK,
            MUNICIPAL_GOVERNMENT_SIGN_OFF,
            PREPARE_NOTICE,
            TRANSFER_FUNDS);
    p1.assertWiring();
  }

  @Test
  void P1_R05_the_applicant_withdraws_after_a_rejection() {
    SoeReformFundScenario p1 =
        scenario("P1-R05-WITHDRAW").start(application(Map.of("oneChildFees", "6000.00")));
    p1.on(HEALTH_COMMISSION_REVIEW, demo(Groups.HEALTH_COMMISSION), reject("独生子女费无证明材料"));
    p1.on(
        CORRECT_APPLICATION,
        null,
        Map.of("applicantDecision", Decided.WITHDRAW, "withdrawalReason", "无法补充证明，撤回"));

    p1.runUntil();

    assertThat(p1.topLevelEnd()).isEqualTo(END_WITHDRAWN);
    assertThat(p1.historicActivities()).contains(WITHDRAWN_ON_CORRECTION);
    assertThat(p1.worked()).endsWith(HEALTH_COMMISSION_REVIEW, CORRECT_APPLICATION);
    p1.assertWiring();
  }

  @Test
  void
      P1_R05_the_applicant_may_withdraw_at_any_time_until_sign_off_as_an_action_not_a_standing_task() {
    SoeReformFundScenario p1 =
        scenario("P1-R05-ANYTIME").start(application(Map.of("liquidationCostAmount", "80000.00")));
    p1.runUntil(FINANCE_RECHECK);
    // no standing "withdraw" task in anybody's list
    assertThat(p1.openTaskKeys()).containsExactly(FINANCE_RECHECK);
    assertThat(
            p1.as(p1.applicant)
                .get(
                    "/engine-rest/task?processInstanceBusinessKey="
                        + p1.businessKey
                        + "&maxResults=10")
                .json())
        .isEmpty();
    String path = "/api/cases/" + p1.businessKey + "/withdraw";

    // only the case's applicant; a reason is required; nothing changes on a refusal
    Http.Response other =
        p1.as(demo(Groups.FINANCE_BUREAU)).post(path, "{\"withdrawalReason\":\"代为撤回\"}");
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.json().get("reason").asText()).contains("只有本案申请人");
    Http.Response noReason = p1.as(p1.applicant).post(path, "{}");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("field").asText()).isEqualTo("withdrawalReason");
    assertThat(noReason.json().get("reason").asText()).isEqualTo("撤回原因必填");
    assertThat(
            p1.as(p1.applicant)
                .post("/api/cases/NO-SUCH-CASE/withdraw", "{\"withdrawalReason\":\"x\"}")
                .status())
        .isEqualTo(404);
    assertThat(p1.ended()).isFalse();

    Http.Response withdrawn = p1.as(p1.applicant).post(path, "{\"withdrawalReason\":\"企业决定暂不申请\"}");

    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(202);
    assertThat(p1.ended()).isTrue();
    assertThat(p1.topLevelEnd()).isEqualTo(END_WITHDRAWN);
    assertThat(p1.historicActivities()).contains(WITHDRAWAL_REQUESTED);
    assertThat(p1.historicVariable("withdrawalReason")).isEqualTo("企业决定暂不申请");
    assertThat(p1.historicVariable("withdrawnBy")).isEqualTo(p1.applicant);
    assertThat(audit.entriesAbout("case:" + p1.businessKey, 5))
        .extracting(cn.gov.linfen.fenhe.audit.AuditLog.Entry::action)
        .containsExactly("P1_APPLICATION_WITHDRAWN");
    p1.assertWiring();
  }

  @Test
  void P1_R05_after_sign_off_the_applicant_can_no_longer_withdraw() {
    SoeReformFundScenario p1 =
        scenario("P1-R05-LATE").start(application(Map.of("liquidationCostAmount", "80000.00")));
    p1.runUntil(PREPARE_NOTICE);
    assertThat(p1.openTaskKeys()).containsExactlyInAnyOrder(PREPARE_NOTICE, SUPERVISE_DISBURSEMENT);
    Http.Response mine =
        p1.as(p1.applicant)
            .get(
                "/engine-rest/task?processInstanceBusinessKey="
                    + p1.businessKey
                    + "&maxResults=10");
    assertThat(mine.json()).isEmpty();
    Http.Response late =
        p1.as(p1.applicant)
            .post("/api/cases/" + p1.businessKey + "/withdraw", "{\"withdrawalReason\":\"不再需要\"}");
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("reason").asText()).contains("审签已完成");
    assertThat(p1.ended()).isFalse();
  }

  @Test
  void P1_R03_incomplete_materials_go_back_to_the_applicant_to_complete_not_as_a_rejection() {
    // the six required materials are uploaded with the start (the platform refuses a start without
    // them); the reform office finds the audit report incomplete and sends the case back
    SoeReformFundScenario p1 =
        scenario("P1-R03").start(application(Map.of("liquidationCostAmount", "60000.00")));
    p1.on(COMPLETENESS_CHECK, demo(Groups.REFORM_OFFICE), reject("审计报告缺少清产核资报告部分，请补齐"));

    p1.runUntil(COMPLETE_MATERIALS);

    assertThat(p1.openTaskKeys()).containsExactlyInAnyOrder(COMPLETE_MATERIALS);
    assertThat((String) p1.variable("missingAttachments")).isEmpty();
    JsonNode seen = p1.formVariables(COMPLETE_MATERIALS, p1.applicant);
    assertThat(seen.get("completenessOpinion").get("value").asText())
        .isEqualTo("审计报告缺少清产核资报告部分，请补齐");
    // the applicant hands in the complete report: it replaces the first, which stays in the history
    Http.Response replaced =
        p1.upload(
            p1.applicant,
            "audit-reports",
            "审计报告（含清产核资报告）.pdf",
            TestFiles.pdf("audit report complete"));
    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(201);
    JsonNode audits = p1.materials(p1.applicant).json();
    String newId = replaced.json().get("id").asText();
    assertThat(audits.findValues("type").stream().filter(t -> t.asText().equals("audit-reports")))
        .hasSize(2);
    for (JsonNode m : audits) {
      if (m.get("type").asText().equals("audit-reports") && !m.get("id").asText().equals(newId)) {
        assertThat(m.get("replacedBy").asText()).isEqualTo(newId);
      }
    }
    assertThat(replaced.json().get("step").asText()).isEqualTo(COMPLETE_MATERIALS);
    p1.work(COMPLETE_MATERIALS);
    assertThat(p1.openTaskKeys())
        .contains(COMPLETENESS_CHECK)
        .doesNotContain(CORRECT_APPLICATION, INITIAL_REVIEW);
    p1.on(COMPLETENESS_CHECK, demo(Groups.REFORM_OFFICE), approve("材料已补齐"));
    p1.runUntil();

    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSED);
    assertThat(p1.worked())
        .containsExactly(
            INITIAL_REVIEW,
            COMPLETENESS_CHECK,
            COMPLETE_MATERIALS,
            COMPLETENESS_CHECK,
            SUPERVISING_DEPARTMENT_COST_REVIEW,
            FINANCE_RECHECK,
            REFORM_OFFICE_SIGN_OFF,
            LEADER_CONSENT,
            PREPARE_NOTICE,
            TRANSFER_FUNDS);
    p1.assertWiring();
  }

  @Test
  void P1_R05_the_supervising_departments_initial_review_may_return_the_application() {
    SoeReformFundScenario p1 =
        scenario("P1-R05-INITIAL").start(application(Map.of("owedWages", "45000.00")));
    p1.on(INITIAL_REVIEW, demo(Groups.SUPERVISING_DEPARTMENT), reject("申请资金用途填写不完整"));
    p1.runUntil(CORRECT_APPLICATION);
    assertThat(p1.worked()).containsExactly(INITIAL_REVIEW);
    p1.on(INITIAL_REVIEW, demo(Groups.SUPERVISING_DEPARTMENT), approve("已补充"));
    p1.on(
        CORRECT_APPLICATION,
        null,
        Map.of("applicantDecision", Decided.RESUBMIT, "fundPurpose", "支付拖欠职工工资 45000 元"));
    p1.runUntil();
    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSED);
    p1.assertWiring();
  }

  // ------------------------------------------------------------------ finance (Art. 9(3), 9(2)1)

  @Test
  void P1_R06_finance_rechecks_before_sign_off_and_a_return_goes_to_the_applicant() {
    SoeReformFundScenario p1 =
        scenario("P1-R06").start(application(Map.of("laidOffLivingAllowance", "36000.00")));
    p1.on(FINANCE_RECHECK, demo(Groups.FINANCE_BUREAU), reject("审核流程缺少主管部门盖章审核表"));
    p1.runUntil(CORRECT_APPLICATION);
    assertThat(p1.worked())
        .containsExactly(
            INITIAL_REVIEW,
            COMPLETENESS_CHECK,
            SUPERVISING_DEPARTMENT_COST_REVIEW,
            FINANCE_RECHECK);
    assertThat(p1.variable("financeRecheckOpinion")).isEqualTo("审核流程缺少主管部门盖章审核表");

    p1.on(FINANCE_RECHECK, demo(Groups.FINANCE_BUREAU), approve("复核无误"));
    p1.runUntil();
    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSED);
    p1.assertWiring();
  }

  @Test
  void P1_R13_a_fiscal_advance_goes_through_financial_review_and_procurement() {
    SoeReformFundScenario p1 =
        scenario("P1-R13").start(application(Map.of("liquidationCostAmount", "200000.00")));
    p1.on(
        INITIAL_REVIEW,
        demo(Groups.SUPERVISING_DEPARTMENT),
        Map.of(
            "approved",
            true,
            "opinion",
            "同意，并申请财政垫资",
            "fiscalAdvanceRequested",
            true,
            "fiscalAdvanceNote",
            "资产变现周期长，申请财政垫资"));

    p1.runUntil();

    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSED);
    assertThat(p1.worked())
        .containsExactly(
            INITIAL_REVIEW,
            COMPLETENESS_CHECK,
            SUPERVISING_DEPARTMENT_COST_REVIEW,
            FISCAL_REVIEW,
            GOVERNMENT_PROCUREMENT,
            FINANCE_RECHECK,
            REFORM_OFFICE_SIGN_OFF,
            LEADER_CONSENT,
            PREPARE_NOTICE,
            TRANSFER_FUNDS);
    assertThat(p1.historicVariable("procurementReference")).isEqualTo("LFCG-2026-0088");
    p1.assertWiring();
  }

  @Test
  void P1_R13_a_fiscal_advance_refused_by_the_financial_review_returns_the_case() {
    SoeReformFundScenario p1 =
        scenario("P1-R13-NO").start(application(Map.of("liquidationCostAmount", "200000.00")));
    p1.on(
        INITIAL_REVIEW,
        demo(Groups.SUPERVISING_DEPARTMENT),
        Map.of("approved", true, "opinion", "同意", "fiscalAdvanceRequested", true));
    p1.on(FISCAL_REVIEW, demo(Groups.FINANCE_BUREAU), reject("不符合财政垫资条件"));
    p1.on(
        CORRECT_APPLICATION,
        null,
        Map.of("applicantDecision", Decided.WITHDRAW, "withdrawalReason", "改为自筹"));

    p1.runUntil();

    assertThat(p1.topLevelEnd()).isEqualTo(END_WITHDRAWN);
    assertThat(p1.worked())
        .endsWith(FISCAL_REVIEW, CORRECT_APPLICATION)
        .doesNotContain(GOVERNMENT_PROCUREMENT);
    p1.assertWiring();
  }

  @Test
  void P1_R14_finance_suspends_a_disbursement_which_waits_until_resumed() {
    SoeReformFundScenario p1 =
        scenario("P1-R14-RESUME").start(application(Map.of("liquidationCostAmount", "90000.00")));
    p1.runUntil(TRANSFER_FUNDS);
    String firstNotice = (String) p1.variable("noticeNumber");

    p1.work(
        SUPERVISE_DISBURSEMENT,
        demo(Groups.FINANCE_BUREAU),
        Map.of("disbursementHold", Decided.SUSPEND, "holdReason", "项目绩效目标严重偏离，暂缓拨付"));

    assertThat(p1.openTaskKeys()).containsExactly(DECIDE_SUSPENDED_DISBURSEMENT);
    Http.Response jilin =
        p1.as(demo(Groups.JILIN_INVESTMENT))
            .get(
                "/engine-rest/task?processInstanceBusinessKey="
                    + p1.businessKey
                    + "&maxResults=10");
    assertThat(jilin.json()).as("no transfer while suspended").isEmpty();
    p1.runUntil();

    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSED);
    assertThat(p1.worked())
        .containsSubsequence(PREPARE_NOTICE, TRANSFER_FUNDS)
        .endsWith(SUPERVISE_DISBURSEMENT, DECIDE_SUSPENDED_DISBURSEMENT, TRANSFER_FUNDS);
    assertThat(p1.worked().stream().filter(PREPARE_NOTICE::equals)).hasSize(1);
    assertThat(p1.historicVariable("noticeNumber")).isEqualTo(firstNotice);
    p1.assertWiring();
  }

  @Test
  void P1_R14_finance_stops_a_suspended_disbursement() {
    SoeReformFundScenario p1 =
        scenario("P1-R14-STOP").start(application(Map.of("liquidationCostAmount", "90000.00")));
    p1.runUntil(PREPARE_NOTICE);
    p1.work(
        SUPERVISE_DISBURSEMENT,
        demo(Groups.FINANCE_BUREAU),
        Map.of("disbursementHold", Decided.SUSPEND, "holdReason", "挪用嫌疑"));
    p1.on(
        DECIDE_SUSPENDED_DISBURSEMENT,
        demo(Groups.FINANCE_BUREAU),
        Map.of("suspensionDecision", Decided.STOP, "suspensionDecisionNote", "整改不到位，停止拨付"));

    p1.runUntil();

    assertThat(p1.topLevelEnd()).isEqualTo("EndEvent_StoppedAfterSuspension");
    assertThat(p1.worked()).doesNotContain(TRANSFER_FUNDS);
    p1.assertWiring();
  }

  @Test
  void P1_R14_finance_stops_a_disbursement_directly() {
    SoeReformFundScenario p1 =
        scenario("P1-R14-DIRECT").start(application(Map.of("liquidationCostAmount", "90000.00")));
    p1.runUntil(TRANSFER_FUNDS);
    p1.work(
        SUPERVISE_DISBURSEMENT,
        demo(Groups.FINANCE_BUREAU),
        Map.of("disbursementHold", Decided.STOP, "holdReason", "虚报冒领"));

    assertThat(p1.ended()).isTrue();
    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSEMENT_STOPPED);
    p1.assertWiring();
  }

  // ------------------------------------------------------------------ notice and transfer (Art.
  // 9(3), Appendix 3)

  @Test
  void
      P1_R10_R19_transfer_due_3_working_days_after_a_notice_of_30_september_2026_is_10_october_18_00_the_notice_names_it_and_overdue_alerts_follow() {
    SoeReformFundScenario p1 =
        scenario("P1-R10").start(application(Map.of("liquidationCostAmount", "150000.00")));
    p1.runUntil(PREPARE_NOTICE);
    ClockUtil.setCurrentTime(Date.from(NOTICE_DAY.toInstant()));
    p1.workers.put(
        Topics.ISSUE_DISBURSEMENT_NOTICE,
        new IssueDisbursementNoticeWorker(new IssuingDisbursementNotice(), fixed(NOTICE_DAY)));

    p1.runUntil(TRANSFER_FUNDS);

    JsonNode transfer = p1.task(TRANSFER_FUNDS, demo(Groups.JILIN_INVESTMENT));
    assertThat(SoeReformFundScenario.restDate(transfer.get("due").asText()).toInstant())
        .isEqualTo(TRANSFER_DUE.toInstant());
    assertThat(((Date) p1.variable("transferDeadline")).toInstant())
        .isEqualTo(TRANSFER_DUE.toInstant());
    assertThat(p1.variable("noticeIssuedOn")).isEqualTo("2026-09-30");
    // P1-R19: the notice names the same day as Appendix 3 does (National Day not counted, the
    // make-up Saturday counted)
    assertThat(p1.variable("transferDueDate")).isEqualTo("2026-10-10");
    assertThat((String) p1.variable("disbursementNotice"))
        .contains("请你公司收到通知后，于10月10日前，与企业主管部门完成资金划转");
    Job timer =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(p1.processInstanceId)
            .timers()
            .singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(TRANSFER_DUE.toInstant());

    OffsetDateTime late = TRANSFER_DUE.plusMinutes(1);
    ClockUtil.setCurrentTime(Date.from(late.toInstant()));
    engine.getManagementService().executeJob(timer.getId());
    p1.workers.put(
        Topics.RAISE_OVERDUE_ALERT,
        new EscalateWorker(new Escalating(TestClock.ZONE), fixed(late)));
    p1.workers.put(
        Topics.RECORD_TRANSFER,
        new RecordTransferWorker(new RecordingTransfer(TestClock.ZONE), fixed(late.plusHours(1))));
    p1.runUntil(FOLLOW_UP_OVERDUE_TRANSFER);

    assertThat(p1.openTaskKeys())
        .containsExactlyInAnyOrder(
            TRANSFER_FUNDS, FOLLOW_UP_OVERDUE_TRANSFER, SUPERVISE_DISBURSEMENT);
    assertThat(p1.variable("transferOverdue")).isEqualTo(true);
    assertThat(p1.variable("lastEscalationTo")).isEqualTo("reform-office,finance-bureau");
    assertThat((String) p1.variable("lastEscalation"))
        .contains("督办", "2026-10-10 18:00", (String) p1.variable("noticeNumber"));
    // the shared escalation record on the case: who was alerted, when, for which step
    assertThat(p1.variable("escalations").toString())
        .contains(
            "\"step\":\"ServiceTask_RaiseOverdueAlert\"",
            "\"to\":\"reform-office,finance-bureau\"",
            "\"escalatedAt\":\"2026-10-10T10:01:00Z\"");
    p1.task(FOLLOW_UP_OVERDUE_TRANSFER, demo(Groups.REFORM_OFFICE));
    p1.task(FOLLOW_UP_OVERDUE_TRANSFER, demo(Groups.FINANCE_BUREAU));
    p1.work(FOLLOW_UP_OVERDUE_TRANSFER);
    p1.runUntil();

    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSED);
    assertThat(p1.historicVariable("transferOnTime")).isEqualTo(false);
    p1.assertWiring();
  }

  @Test
  void
      P1_R09_the_transfer_cannot_change_the_notice_a_forged_amount_is_refused_and_the_case_keeps_the_notice() {
    SoeReformFundScenario p1 =
        scenario("P1-R09-FORGED").start(application(Map.of("liquidationCostAmount", "200000.00")));
    p1.runUntil(TRANSFER_FUNDS);
    Object amount = p1.variable("disbursementAmount");
    Object account = p1.variable("accountNumber");
    String jilin = demo(Groups.JILIN_INVESTMENT);

    // a REST client submits a smaller amount together with a notice amount to match it
    Http.Response forged =
        p1.submit(
            TRANSFER_FUNDS,
            jilin,
            Map.of(
                "transferredAmount",
                "1.00",
                "disbursementAmount",
                "1.00",
                "transferVoucherNumber",
                "JL-HZ-0002"));

    assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
    assertThat(forged.json().get("field").asText()).isEqualTo("disbursementAmount");
    assertThat(p1.openTaskKeys()).contains(TRANSFER_FUNDS);
    assertThat(p1.variable("disbursementAmount")).isEqualTo(amount);

    // the right amount with forged notice fields: refused too, the notice is not the transfer's to
    // change
    Http.Response forgedAccount =
        p1.submit(
            TRANSFER_FUNDS,
            jilin,
            Map.of(
                "transferredAmount",
                amount,
                "accountNumber",
                "6222 0000 0000 0000",
                "transferVoucherNumber",
                "JL-HZ-0003"));
    assertThat(forgedAccount.status()).as(forgedAccount.toString()).isEqualTo(400);
    assertThat(forgedAccount.json().get("field").asText()).isEqualTo("accountNumber");

    // a smaller amount than the notice's: refused by the transfer's own check
    Http.Response smaller =
        p1.submit(
            TRANSFER_FUNDS,
            jilin,
            Map.of("transferredAmount", "1.00", "transferVoucherNumber", "JL-HZ-0002"));
    assertThat(smaller.status()).as(smaller.toString()).isEqualTo(400);
    assertThat(smaller.json().get("field").asText()).isEqualTo("transferredAmount");

    p1.work(
        TRANSFER_FUNDS,
        jilin,
        Map.of("transferredAmount", amount, "transferVoucherNumber", "JL-HZ-0003"));
    p1.runUntil();

    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSED);
    assertThat(p1.historicVariable("disbursementAmount")).isEqualTo(amount);
    assertThat(p1.historicVariable("accountNumber")).isEqualTo(account);
    assertThat(p1.historicVariable("transferredAmount")).isEqualTo(amount);
    assertThat(p1.historicVariable("transferVoucherNumber")).isEqualTo("JL-HZ-0003");
  }

  @Test
  void
      P1_R20_the_evaluation_after_the_year_ends_lists_the_years_projects_with_the_goals_entered_with_their_applications() {
    SoeReformFundScenario p1 =
        scenario("P1-R20")
            .start(
                application(
                    Map.of(
                        "liquidationCostAmount",
                        "80000.00",
                        "performanceGoals",
                        "年内安置职工 320 人，清偿率 100%（P1-R20 测试）")));
    p1.runUntil(PREPARE_NOTICE);
    OffsetDateTime noticeDay = OffsetDateTime.parse("2025-09-29T10:00:00+08:00");
    ClockUtil.setCurrentTime(Date.from(noticeDay.toInstant()));
    p1.workers.put(
        Topics.ISSUE_DISBURSEMENT_NOTICE,
        new IssueDisbursementNoticeWorker(new IssuingDisbursementNotice(), fixed(noticeDay)));
    p1.runUntil();
    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSED);
    ClockUtil.reset();

    // SASAC evaluates 2025 (a past year): the self-evaluation shows the project and its goals
    String businessKey = "P1-R20-EVAL-" + UUID.randomUUID();
    Http.Response started =
        Http.as(baseUrl(), demo(Groups.SASAC), DEMO_PASSWORD)
            .post(
                "/engine-rest/process-definition/key/"
                    + cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.EVALUATION_KEY
                    + "/start",
                "{\"businessKey\":\""
                    + businessKey
                    + "\",\"variables\":{\"evaluationYear\":{\"value\":2025}}}");
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    String evaluation = started.json().get("id").asText();
    try {
      assertThat(
              new cn.gov.linfen.fenhe.test.ExternalTasks(engine)
                  .run(
                      Topics.OPEN_EVALUATION_ROUND,
                      businessKey,
                      new cn.gov.linfen.fenhe.workers.p1.OpenEvaluationRoundWorker(
                          new cn.gov.linfen.fenhe.procedures.p1.OpeningEvaluationRound(
                              TestClock.ZONE),
                          TestClock.of(Clock.systemUTC()))))
          .isEqualTo(1);
      String projects = (String) engine.getRuntimeService().getVariable(evaluation, "yearProjects");
      assertThat(projects)
          .startsWith("2025年")
          .contains(p1.businessKey, "临汾市第二机械厂", "2025-09-29", "年内安置职工 320 人，清偿率 100%（P1-R20 测试）");
    } finally {
      engine.getRuntimeService().deleteProcessInstance(evaluation, "test");
    }
  }

  @Test
  void P1_R09_the_disbursement_notice_carries_the_appendix_3_fields() {
    SoeReformFundScenario p1 =
        scenario("P1-R09")
            .start(
                application(
                    Map.of("liquidationCostAmount", "200000.00", "oneChildFees", "12345.67")));
    p1.runUntil(TRANSFER_FUNDS);

    JsonNode seen = p1.formVariables(TRANSFER_FUNDS, demo(Groups.JILIN_INVESTMENT));
    for (String field :
        List.of(
            "enterpriseName",
            "approvedAmount",
            "disbursementType",
            "disbursementAmount",
            "transferDeadline",
            "accountName",
            "accountNumber",
            "bankName",
            "bankCode",
            "accountContact",
            "accountContactPhone",
            "noticeNumber",
            "noticeIssuedOn",
            "disbursementNotice")) {
      assertThat(seen.has(field)).as("the transfer form shows " + field).isTrue();
      assertThat(seen.get(field).get("value").isNull()).as(field).isFalse();
    }
    String text = seen.get("disbursementNotice").get("value").asText();
    assertThat(text)
        .contains(
            "临汾济林投资有限公司：",
            "临汾市第二机械厂",
            "21.234567 万元（212345.67 元）",
            "户　名：临汾市某主管局",
            "账　号：1410 0123 4567 8901",
            "开户行：中国工商银行临汾分行",
            "行　号：102171000019",
            "联系人：王会计",
            "电话：0357-2012345",
            "企业主管部门、市卫健委、市财政局审核");
    java.time.LocalDate due =
        ((Date) p1.variable("transferDeadline"))
            .toInstant()
            .atZone(java.time.ZoneId.of("Asia/Shanghai"))
            .toLocalDate();
    assertThat(text)
        .contains("于" + due.getMonthValue() + "月" + due.getDayOfMonth() + "日前")
        .doesNotContain("三个工作日内");
    // P1-R19: the year's sequence number, never the business key nor anything random
    assertThat(seen.get("noticeNumber").get("value").asText())
        .matches("临企改拨〔" + today().getYear() + "〕[1-9][0-9]*号");
  }

  @Test
  void X_R02_a_review_returned_without_an_opinion_is_refused_with_400_and_the_task_stays_open() {
    SoeReformFundScenario p1 =
        scenario("X-R02").start(application(Map.of("liquidationCostAmount", "70000.00")));
    p1.runUntil(INITIAL_REVIEW);

    Http.Response refused =
        p1.submit(
            INITIAL_REVIEW,
            demo(Groups.SUPERVISING_DEPARTMENT),
            Map.of("approved", false, "opinion", " "));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("field").asText()).isEqualTo("opinion");
    assertThat(refused.json().get("message").asText()).contains("退回时必须填写审核意见");
    assertThat(p1.openTaskKeys()).contains(INITIAL_REVIEW);
    Http.Response noDecision =
        p1.submit(INITIAL_REVIEW, demo(Groups.SUPERVISING_DEPARTMENT), Map.of("opinion", "看过"));
    assertThat(noDecision.status()).isEqualTo(400);
    assertThat(noDecision.json().get("field").asText()).isEqualTo("approved");
  }

  @Test
  void
      X_R04_a_corrected_application_above_the_gap_is_refused_with_400_and_the_correction_stays_open() {
    SoeReformFundScenario p1 =
        scenario("X-R04-CORR").start(application(Map.of("owedWages", "20000.00")));
    p1.on(INITIAL_REVIEW, demo(Groups.SUPERVISING_DEPARTMENT), reject("请核实"));
    p1.runUntil(CORRECT_APPLICATION);

    Http.Response refused =
        p1.submit(
            CORRECT_APPLICATION,
            p1.applicant,
            Map.of("applicantDecision", Decided.RESUBMIT, "owedWages", "3500000.01"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("field").asText()).isEqualTo("requestedAmount");
    assertThat(p1.openTaskKeys()).contains(CORRECT_APPLICATION);
  }

  private static FenheClock fixed(OffsetDateTime at) {
    return TestClock.of(Clock.fixed(at.toInstant(), ZoneOffset.UTC));
  }

  private static java.time.LocalDate today() {
    return java.time.LocalDate.now(TestClock.ZONE);
  }
}
