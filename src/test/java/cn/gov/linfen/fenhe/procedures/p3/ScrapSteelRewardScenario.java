package cn.gov.linfen.fenhe.procedures.p3;

import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.common.CreditCode;
import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Decided;
import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Forms;
import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Groups;
import cn.gov.linfen.fenhe.test.CaseScenario;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Drives one P3 case the way its users do — over REST, logged in as the demo user of the step's
 * group, claiming and submitting the task's form like Tasklist — and runs the real workers. Every
 * wait state has a default answer (the happy path); a test overrides only what it is about. Each
 * user task worked is recorded with its candidate groups, form and due date.
 */
final class ScrapSteelRewardScenario extends CaseScenario<ScrapSteelRewardScenario> {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  String county = "尧都区";
  String countySuffix = "";

  ScrapSteelRewardScenario(
      ProcessEngine engine,
      String baseUrl,
      String businessKey,
      Map<String, ExternalTaskHandler> workers) {
    super(engine, baseUrl, ScrapSteelRewardProcess.KEY, businessKey);
    this.applicant = demo(Groups.ENTERPRISE);
    this.workers.putAll(workers);
    defaults();
  }

  /**
   * The city's 工信局 announces an enterprise (工信部公告名单), so that it may apply: a new credit code,
   * returned.
   */
  static String announcedEnterprise(String baseUrl, String enterpriseName) {
    String code = newCreditCode();
    cn.gov.linfen.fenhe.test.Http.Response added =
        cn.gov.linfen.fenhe.test.Http.as(
                baseUrl,
                demo(Groups.INDUSTRY_IT_BUREAU),
                cn.gov.linfen.fenhe.test.IntegrationTest.DEMO_PASSWORD)
            .post(
                "/api/scrap-steel/announced-enterprises",
                "{\"creditCode\":\""
                    + code
                    + "\",\"enterpriseName\":\""
                    + enterpriseName
                    + "\",\"announcement\":\"工信部公告（测试）\"}");
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    return code;
  }

  /** A made-up unified social credit code with a valid GB 32100 check character. */
  static String newCreditCode() {
    StringBuilder code = new StringBuilder("91141002");
    for (int i = 0; i < 9; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.append(CreditCode.checkCharacter(code.toString())).toString();
  }

  private void defaults() {
    answers.put(COUNTY_REVIEW, new Answer<>(null, s -> countyApproves("材料齐全，凭证属实，报市工信局")));
    on(INDUSTRY_IT_CONFIRMATION, demo(Groups.INDUSTRY_IT_BUREAU), approve("企业在工信部公告名单内，确认"));
    on(TAX_CONFIRMATION, demo(Groups.TAX_BUREAU), approve("实缴税额与征管系统一致"));
    on(FINANCE_CONFIRMATION, demo(Groups.FINANCE_BUREAU), approve("留成比例和奖励金额无误"));
    answers.put(
        CORRECT_APPLICATION,
        new Answer<>(null, s -> Map.of("applicantDecision", Decided.RESUBMIT)));
    answers.put(
        CITY_DISBURSEMENT,
        new Answer<>(
            demo(Groups.FINANCE_BUREAU),
            s ->
                Map.of(
                    "cityPaidAmount",
                    s.variable("rewardCity"),
                    "cityPaymentVoucher",
                    "LFCZ-2026-0718")));
    answers.put(
        COUNTY_DISBURSEMENT,
        new Answer<>(
            null,
            s ->
                Map.of(
                    "countyPaidAmount",
                    s.variable("rewardCounty"),
                    "countyPaymentVoucher",
                    "XCZ-2026-0031")));
    on(
        FOLLOW_UP_DUE_SOON,
        demo(Groups.INDUSTRY_IT_BUREAU),
        Map.of("followUpNote", "已提醒市财政、县财政抓紧拨付"));
    on(
        FOLLOW_UP_OVERDUE,
        demo(Groups.INDUSTRY_IT_BUREAU),
        Map.of("followUpNote", "已约谈县财政局，限期三日内拨付"));
  }

  /** The county approves after verifying the sales channels (P3-R09, 六). */
  static Map<String, Object> countyApproves(String opinion) {
    Map<String, Object> answer = new LinkedHashMap<>(approve(opinion));
    answer.put("salesChannelsVerified", true);
    answer.put("salesChannelNote", SALES_CHANNEL_NOTE);
    return answer;
  }

  static final String SALES_CHANNEL_NOTE = "核对销售凭证，加工产品售予本省符合产业政策的钢铁企业";

  /**
   * The county officer of the case's county (demo-county-industry-it is in 尧都区, …-houma in 侯马市).
   */
  String countyUser(String role) {
    return demo(role) + countySuffix;
  }

  ScrapSteelRewardScenario inHouma() {
    county = "侯马市";
    countySuffix = "-houma";
    return this;
  }

  /** An application (taxes in yuan, as text as the form sends them). */
  Map<String, Object> application(String creditCode) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("enterpriseName", "临汾市示例废钢加工有限公司");
    variables.put("creditCode", creditCode);
    variables.put("county", county);
    variables.put("vatPaid", "1000000.00");
    variables.put("urbanConstructionTax", "70000.00");
    variables.put("educationSurcharge", "30000.00");
    variables.put("localEducationSurcharge", "20000.00");
    variables.put("stampDuty", "3000.00");
    variables.put("materialsDeclaredTrue", true);
    return variables;
  }

  @Override
  protected String defaultUser(String taskKey) {
    return switch (taskKey) {
      case COUNTY_REVIEW -> countyUser(Groups.COUNTY_INDUSTRY_IT);
      case COUNTY_DISBURSEMENT -> countyUser(Groups.COUNTY_FINANCE);
      default -> applicant;
    };
  }

  /** How many tasks of this case the user sees. */
  int tasksSeenBy(String user) {
    return as(user)
        .get("/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&maxResults=50")
        .json()
        .size();
  }

  /** Forms expected per task kind (the contract of the model). */
  static final Map<String, String> FORMS =
      Map.of(
          COUNTY_REVIEW, Forms.COUNTY_REVIEW,
          INDUSTRY_IT_CONFIRMATION, Forms.CITY_CONFIRMATION,
          TAX_CONFIRMATION, Forms.CITY_CONFIRMATION,
          FINANCE_CONFIRMATION, Forms.CITY_CONFIRMATION,
          CORRECT_APPLICATION, Forms.CORRECTION,
          CITY_DISBURSEMENT, Forms.CITY_DISBURSEMENT,
          COUNTY_DISBURSEMENT, Forms.COUNTY_DISBURSEMENT,
          FOLLOW_UP_DUE_SOON, Forms.FOLLOW_UP,
          FOLLOW_UP_OVERDUE, Forms.FOLLOW_UP);

  /** Candidate groups expected per task kind (none: assigned to the applicant). */
  Map<String, List<String>> groups() {
    String code = "尧都区".equals(county) ? "yaodu" : "houma";
    return Map.of(
        COUNTY_REVIEW, List.of(Groups.COUNTY_INDUSTRY_IT + "-" + code),
        INDUSTRY_IT_CONFIRMATION, List.of(Groups.INDUSTRY_IT_BUREAU),
        TAX_CONFIRMATION, List.of(Groups.TAX_BUREAU),
        FINANCE_CONFIRMATION, List.of(Groups.FINANCE_BUREAU),
        CORRECT_APPLICATION, List.of(),
        CITY_DISBURSEMENT, List.of(Groups.FINANCE_BUREAU),
        COUNTY_DISBURSEMENT, List.of(Groups.COUNTY_FINANCE + "-" + code),
        FOLLOW_UP_DUE_SOON, List.of(Groups.INDUSTRY_IT_BUREAU),
        FOLLOW_UP_OVERDUE, List.of(Groups.INDUSTRY_IT_BUREAU));
  }

  /** Tasks that carry the case's 3-month deadline (P3-R06). */
  static final Set<String> DUE_AT_TASKS =
      Set.of(
          COUNTY_REVIEW,
          INDUSTRY_IT_CONFIRMATION,
          TAX_CONFIRMATION,
          FINANCE_CONFIRMATION,
          CITY_DISBURSEMENT,
          COUNTY_DISBURSEMENT);

  /**
   * Every step worked had the candidate groups and form of its kind; the review, confirmation and
   * disbursement tasks the case's deadline.
   */
  void assertWiring(String expectedDue) {
    assertFormsAndGroups(FORMS, groups());
    for (Step step : steps) {
      if (DUE_AT_TASKS.contains(step.taskKey())) {
        assertThat(step.due()).as("due date of " + step.taskKey()).isNotNull();
        assertThat(step.due())
            .as("due date of " + step.taskKey())
            .isEqualTo(OffsetDateTime.parse(expectedDue).toInstant());
      } else {
        assertThat(step.due()).as("due date of " + step.taskKey()).isNull();
      }
    }
  }
}
