package cn.gov.linfen.fenhe.procedures.p1;

import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Elements.*;
import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario.application;
import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario.demo;
import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario.reject;
import static cn.gov.linfen.fenhe.test.BrowserScripts.visit;

import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Groups;
import cn.gov.linfen.fenhe.test.BrowserScripts;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * P1 tasks opened in Tasklist by their users in a real headless Chromium
 * (src/test/e2e/p1-forms.mjs): the Camunda Forms render with the webapps' own form-js, in Chinese,
 * with the case's values — amounts in yuan and their 万元, every reviewer's opinion for the
 * applicant, the Appendix 3 notice.
 */
@Tag("browser")
class SoeReformFundTasklistTest extends SoeReformFundCaseTest {

  @Test
  void the_p1_forms_render_in_tasklist_in_chinese_with_the_cases_values() throws Exception {
    SoeReformFundScenario reviewing =
        scenario("TL-REVIEW")
            .start(
                application(
                    Map.of(
                        "liquidationCostAmount",
                        "300000.00",
                        "economicCompensation",
                        "200000.00")));
    reviewing.runUntil(HRSS_REVIEW);
    String review = reviewing.openTask(HRSS_REVIEW).getId();

    SoeReformFundScenario returned =
        scenario("TL-RETURN").start(application(Map.of("economicCompensation", "200000.00")));
    returned.on(HRSS_REVIEW, demo(Groups.HRSS_BUREAU), reject("经济补偿金计算有误"));
    returned.runUntil(CORRECT_APPLICATION);
    String correction = returned.openTask(CORRECT_APPLICATION).getId();

    SoeReformFundScenario paid =
        scenario("TL-PAY").start(application(Map.of("liquidationCostAmount", "499999.99")));
    paid.runUntil(TRANSFER_FUNDS);
    String transfer = paid.openTask(TRANSFER_FUNDS).getId();

    ArrayNode visits = SoeReformFundScenario.JSON.createArrayNode();
    visit(
        visits,
        demo(Groups.HRSS_BUREAU),
        review,
        "市人社局审核",
        List.of("市人社局审核", "经济补偿金", "审核结论", "审核意见", "500000.00", "50 万元"));
    visit(
        visits,
        returned.applicant,
        correction,
        "修改后重新提交或撤回",
        List.of("本轮各部门审核意见", "经济补偿金计算有误", "市人社局意见", "处理方式", "企业名称"));
    visit(
        visits,
        demo(Groups.JILIN_INVESTMENT),
        transfer,
        "济林公司资金划转",
        List.of(
            "拨款通知书编号",
            "户名",
            "账号",
            "开户行",
            "行号",
            "联系人",
            "电话",
            "划转期限",
            "实际划转金额",
            "临汾济林投资有限公司：",
            "499999.99"));

    BrowserScripts.assertFormsRender(baseUrl(), DEMO_PASSWORD, visits, Duration.ofMinutes(5));
  }
}
