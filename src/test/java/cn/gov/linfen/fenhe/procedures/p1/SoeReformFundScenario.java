package cn.gov.linfen.fenhe.procedures.p1;

import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Decided;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Forms;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Groups;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Topics;
import cn.gov.linfen.fenhe.test.CaseScenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * Drives one P1 case the way its users do — over REST, logged in as the demo user of the step's
 * group, claiming and submitting the task's form like Tasklist — and runs the real workers. Every
 * wait state has a default answer (the happy path); a test overrides only what it is about. Each
 * user task worked is recorded with its candidate groups, form and due date.
 */
public final class SoeReformFundScenario extends CaseScenario<SoeReformFundScenario> {

  /** Tasks that wait for a person's own initiative: never completed by default. */
  static final Set<String> STANDING = Set.of(SUPERVISE_DISBURSEMENT);

  public SoeReformFundScenario(
      ProcessEngine engine,
      String baseUrl,
      String businessKey,
      Map<String, ExternalTaskHandler> workers) {
    super(engine, baseUrl, SoeReformFundProcess.KEY, businessKey);
    this.applicant = demo(Groups.LIQUIDATION_TEAM);
    this.workers.putAll(workers);
    defaults();
  }

  @Override
  protected Set<String> standing() {
    return STANDING;
  }

  private void defaults() {
    on(INITIAL_REVIEW, demo(Groups.SUPERVISING_DEPARTMENT), approve("同意上报市企改办"));
    on(COMPLETENESS_CHECK, demo(Groups.REFORM_OFFICE), approve("材料齐全"));
    on(
        SUPERVISING_DEPARTMENT_COST_REVIEW,
        demo(Groups.SUPERVISING_DEPARTMENT),
        approve("清算费用、工资和生活费属实"));
    on(HRSS_REVIEW, demo(Groups.HRSS_BUREAU), approve("经济补偿金、养老和工伤保险核算无误"));
    on(MEDICAL_INSURANCE_REVIEW, demo(Groups.MEDICAL_INSURANCE_BUREAU), approve("医保欠费属实"));
    on(HEALTH_COMMISSION_REVIEW, demo(Groups.HEALTH_COMMISSION), approve("独生子女费属实"));
    on(SASAC_REVIEW, demo(Groups.SASAC), approve("生活补助符合标准"));
    on(FISCAL_REVIEW, demo(Groups.FINANCE_BUREAU), approve("财政评审通过"));
    on(
        GOVERNMENT_PROCUREMENT,
        demo(Groups.SUPERVISING_DEPARTMENT),
        Map.of("procurementReference", "LFCG-2026-0088", "procurementResult", "已完成采购"));
    on(FINANCE_RECHECK, demo(Groups.FINANCE_BUREAU), approve("复核无误"));
    on(REFORM_OFFICE_SIGN_OFF, demo(Groups.REFORM_OFFICE), approve("同意"));
    on(MUNICIPAL_GOVERNMENT_SIGN_OFF, demo(Groups.MUNICIPAL_GOVERNMENT), approve("同意"));
    on(LEADER_CONSENT, demo(Groups.MUNICIPAL_GOVERNMENT), approve("同意出具拨款通知书"));
    // the applicant hands in the missing materials through the materials API before completing
    answers.put(COMPLETE_MATERIALS, new Answer<>(null, s -> Map.of()));
    answers.put(
        CORRECT_APPLICATION,
        new Answer<>(null, s -> Map.of("applicantDecision", Decided.RESUBMIT)));
    answers.put(
        PREPARE_NOTICE,
        new Answer<>(demo(Groups.REFORM_OFFICE), s -> notice(s.variable("requestedAmount"))));
    answers.put(
        TRANSFER_FUNDS,
        new Answer<>(
            demo(Groups.JILIN_INVESTMENT),
            s ->
                Map.of(
                    "transferredAmount",
                    s.variable("disbursementAmount"),
                    "transferVoucherNumber",
                    "JL-HZ-0001")));
    on(
        FOLLOW_UP_OVERDUE_TRANSFER,
        demo(Groups.REFORM_OFFICE),
        Map.of("followUpNote", "已电话督促济林公司当日完成划转"));
    on(
        DECIDE_SUSPENDED_DISBURSEMENT,
        demo(Groups.FINANCE_BUREAU),
        Map.of("suspensionDecision", Decided.RESUME, "suspensionDecisionNote", "已整改到位"));
  }

  public static Map<String, Object> notice(Object amount) {
    Map<String, Object> notice = new LinkedHashMap<>();
    notice.put("approvedAmount", amount);
    notice.put("disbursementType", Decided.PAY);
    notice.put("disbursementAmount", amount);
    notice.put("accountName", "临汾市某主管局");
    notice.put("accountNumber", "1410 0123 4567 8901");
    notice.put("bankName", "中国工商银行临汾分行");
    notice.put("bankCode", "102171000019");
    notice.put("accountContact", "王会计");
    notice.put("accountContactPhone", "0357-2012345");
    return notice;
  }

  /** An application of a liquidation (amounts in yuan, as text as the form sends them). */
  public static Map<String, Object> application(Map<String, Object> amounts) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("enterpriseName", "临汾市第二机械厂");
    variables.put("reformType", SoeReformFundProcess.ReformTypes.LIQUIDATION);
    // Art. 5 (P1-R16): a liquidation-deregistration owes only wages and social insurance
    variables.put("onlyEmployeeDebtsDeclared", true);
    variables.put("supervisingDepartmentName", "临汾市工业和信息化局");
    variables.put("legalRepresentative", "张建国");
    variables.put("legalRepresentativePhone", "0357-2088001");
    variables.put("liquidationTeamLeader", "李清");
    variables.put("liquidationTeamLeaderPhone", "13903570001");
    variables.put("employeeCount", 320);
    variables.put("totalReformCost", "5000000.00");
    variables.put("assetRealization", "1500000.00");
    variables.put("landProceeds", "2000000.00");
    variables.put("fundPurpose", "支付职工安置费用及清算费用");
    variables.put("performanceGoals", "年内安置职工 320 人，拖欠工资和社保清偿率 100%，完成简易注销");
    variables.putAll(amounts);
    return variables;
  }

  String endEvent() {
    HistoryService history = engine.getHistoryService();
    HistoricProcessInstance instance =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult();
    assertThat(instance.getEndTime()).as("the case has ended").isNotNull();
    return instance.getEndActivityId() != null
        ? instance.getEndActivityId()
        : history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(processInstanceId)
            .activityType("noneEndEvent")
            .list()
            .stream()
            .map(HistoricActivityInstance::getActivityId)
            .findFirst()
            .orElse(null);
  }

  List<String> historicActivities() {
    return engine
        .getHistoryService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .list()
        .stream()
        .map(HistoricActivityInstance::getActivityId)
        .toList();
  }

  /** The top-level end event the case reached. */
  public String topLevelEnd() {
    return engine
        .getHistoryService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .list()
        .stream()
        .filter(
            a ->
                a.getActivityType().endsWith("EndEvent")
                    && a.getParentActivityInstanceId().equals(processInstanceId))
        .map(HistoricActivityInstance::getActivityId)
        .findFirst()
        .orElse(null);
  }

  /** Forms expected per task kind (the contract of the models). */
  static final Map<String, String> FORMS =
      Map.ofEntries(
          Map.entry(INITIAL_REVIEW, Forms.INITIAL_REVIEW),
          Map.entry(COMPLETENESS_CHECK, Forms.COMPLETENESS_CHECK),
          Map.entry(COMPLETE_MATERIALS, Forms.COMPLETE_MATERIALS),
          Map.entry(SUPERVISING_DEPARTMENT_COST_REVIEW, Forms.REVIEW_SUPERVISING_DEPARTMENT),
          Map.entry(HRSS_REVIEW, Forms.REVIEW_HRSS),
          Map.entry(MEDICAL_INSURANCE_REVIEW, Forms.REVIEW_MEDICAL_INSURANCE),
          Map.entry(HEALTH_COMMISSION_REVIEW, Forms.REVIEW_HEALTH_COMMISSION),
          Map.entry(SASAC_REVIEW, Forms.REVIEW_SASAC),
          Map.entry(FISCAL_REVIEW, Forms.FISCAL_REVIEW),
          Map.entry(GOVERNMENT_PROCUREMENT, Forms.PROCUREMENT),
          Map.entry(FINANCE_RECHECK, Forms.FINANCE_RECHECK),
          Map.entry(REFORM_OFFICE_SIGN_OFF, Forms.SIGN_OFF),
          Map.entry(MUNICIPAL_GOVERNMENT_SIGN_OFF, Forms.SIGN_OFF),
          Map.entry(LEADER_CONSENT, Forms.LEADER_CONSENT),
          Map.entry(CORRECT_APPLICATION, Forms.CORRECTION),
          Map.entry(PREPARE_NOTICE, Forms.DISBURSEMENT_NOTICE),
          Map.entry(TRANSFER_FUNDS, Forms.TRANSFER),
          Map.entry(FOLLOW_UP_OVERDUE_TRANSFER, Forms.OVERDUE_FOLLOW_UP),
          Map.entry(SUPERVISE_DISBURSEMENT, Forms.DISBURSEMENT_SUPERVISION),
          Map.entry(DECIDE_SUSPENDED_DISBURSEMENT, Forms.SUSPENSION_DECISION));

  /** Candidate groups expected per task kind (none: assigned to the applicant). */
  static final Map<String, List<String>> GROUPS =
      Map.ofEntries(
          Map.entry(INITIAL_REVIEW, List.of(Groups.SUPERVISING_DEPARTMENT)),
          Map.entry(COMPLETENESS_CHECK, List.of(Groups.REFORM_OFFICE)),
          Map.entry(COMPLETE_MATERIALS, List.of()),
          Map.entry(SUPERVISING_DEPARTMENT_COST_REVIEW, List.of(Groups.SUPERVISING_DEPARTMENT)),
          Map.entry(HRSS_REVIEW, List.of(Groups.HRSS_BUREAU)),
          Map.entry(MEDICAL_INSURANCE_REVIEW, List.of(Groups.MEDICAL_INSURANCE_BUREAU)),
          Map.entry(HEALTH_COMMISSION_REVIEW, List.of(Groups.HEALTH_COMMISSION)),
          Map.entry(SASAC_REVIEW, List.of(Groups.SASAC)),
          Map.entry(FISCAL_REVIEW, List.of(Groups.FINANCE_BUREAU)),
          Map.entry(GOVERNMENT_PROCUREMENT, List.of(Groups.SUPERVISING_DEPARTMENT)),
          Map.entry(FINANCE_RECHECK, List.of(Groups.FINANCE_BUREAU)),
          Map.entry(REFORM_OFFICE_SIGN_OFF, List.of(Groups.REFORM_OFFICE)),
          Map.entry(MUNICIPAL_GOVERNMENT_SIGN_OFF, List.of(Groups.MUNICIPAL_GOVERNMENT)),
          Map.entry(LEADER_CONSENT, List.of(Groups.MUNICIPAL_GOVERNMENT)),
          Map.entry(CORRECT_APPLICATION, List.of()),
          Map.entry(PREPARE_NOTICE, List.of(Groups.REFORM_OFFICE)),
          Map.entry(TRANSFER_FUNDS, List.of(Groups.JILIN_INVESTMENT)),
          Map.entry(
              FOLLOW_UP_OVERDUE_TRANSFER, List.of(Groups.FINANCE_BUREAU, Groups.REFORM_OFFICE)),
          Map.entry(SUPERVISE_DISBURSEMENT, List.of(Groups.FINANCE_BUREAU)),
          Map.entry(DECIDE_SUSPENDED_DISBURSEMENT, List.of(Groups.FINANCE_BUREAU)));

  /**
   * Every step worked had the candidate groups and the form of its kind, and no due date but the
   * transfer's.
   */
  void assertWiring() {
    assertFormsAndGroups(FORMS, GROUPS);
    for (Step step : steps) {
      if (step.taskKey().equals(TRANSFER_FUNDS)) {
        assertThat(step.due()).as("due date of the transfer").isNotNull();
      } else {
        assertThat(step.due())
            .as("due date of " + step.taskKey() + " (the gazette sets none)")
            .isNull();
      }
    }
  }

  public static Map<String, ExternalTaskHandler> workers(
      ExternalTaskHandler validate,
      ExternalTaskHandler staffing,
      ExternalTaskHandler notice,
      ExternalTaskHandler record,
      ExternalTaskHandler alert) {
    Map<String, ExternalTaskHandler> workers = new LinkedHashMap<>();
    workers.put(Topics.VALIDATE_APPLICATION, validate);
    workers.put(Topics.CHECK_STAFFING_AND_PAY, staffing);
    workers.put(Topics.ISSUE_DISBURSEMENT_NOTICE, notice);
    workers.put(Topics.RECORD_TRANSFER, record);
    workers.put(Topics.RAISE_OVERDUE_ALERT, alert);
    return workers;
  }
}
