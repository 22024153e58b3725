package cn.gov.linfen.fenhe.workers.p5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gov.linfen.fenhe.common.CreditCode;
import cn.gov.linfen.fenhe.procedures.p5.ActChecks;
import cn.gov.linfen.fenhe.procedures.p5.RecordingProvincialSystem;
import cn.gov.linfen.fenhe.test.TestClock;
import cn.gov.linfen.fenhe.workers.WorkerTestSupport;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The P5 workers: read, call, complete (and a failure left to the failure policy). */
class P5WorkersTest extends WorkerTestSupport {

  static final Instant NOW = Instant.parse("2026-11-10T02:00:00Z");

  static String act(String creditCode, String actedAt) {
    return "{\"itemCode\":\"SC-001\",\"objectName\":\"临汾市某食品有限公司\",\"objectCreditCode\":\""
        + creditCode
        + "\",\"method\":\"ON_SITE\",\"kind\":\"INSPECTION\",\"content\":\"索证索票检查\","
        + "\"result\":\"未发现问题\",\"department\":\"market-supervision-bureau\","
        + "\"inspectors\":[{\"name\":\"张三\",\"certificateNo\":\"14100012345\"}],"
        + "\"actedAt\":\""
        + actedAt
        + "\"}";
  }

  static String validCode() {
    String first = "91141000MA0K12345";
    return first + CreditCode.checkCharacter(first);
  }

  CheckActQualityWorker quality() {
    return new CheckActQualityWorker(new ActChecks(TestClock.ZONE), clockAt(NOW));
  }

  @Test
  void P5_R02_a_complete_act_whose_item_is_listed_is_normal() {
    when(task.getVariable("act")).thenReturn(act(validCode(), "2026-11-10T09:30:00+08:00"));
    when(task.getVariable("itemListed")).thenReturn(true);
    quality().execute(task, service);
    Map<String, Object> out = completed();
    assertThat(out).containsEntry("actAbnormal", false).doesNotContainKey("qualityFindings");
  }

  @Test
  void
      P5_R02_a_wrong_check_digit_an_act_in_the_future_and_an_unlisted_item_are_findings_in_chinese() {
    String wrong = validCode().substring(0, 17) + (validCode().endsWith("0") ? "1" : "0");
    when(task.getVariable("act")).thenReturn(act(wrong, "2026-11-11T09:30:00+08:00"));
    when(task.getVariable("itemListed")).thenReturn(false);
    quality().execute(task, service);
    Map<String, Object> out = completed();
    assertThat(out).containsEntry("actAbnormal", true);
    String findings = (String) out.get("qualityFindings");
    assertThat(findings.lines()).hasSize(3);
    assertThat(findings)
        .contains("objectCreditCode：", "actedAt：", "itemCode：")
        .containsPattern("\\p{IsHan}");
  }

  @Test
  void P5_R01_submission_sends_the_act_under_the_case_key_once_and_completes_with_the_receipt() {
    RecordingProvincialSystem province = new RecordingProvincialSystem();
    String json = act(validCode(), "2026-11-10T09:30:00+08:00");
    when(task.getBusinessKey()).thenReturn("JG-20261110-ABCDEFGHJKLM");
    when(task.getVariable("act")).thenReturn(json);
    new SubmitActWorker(province).execute(task, service);
    String receipt = (String) completed().get("receiptNo");
    assertThat(receipt).isNotBlank();
    assertThat(province.recorded("JG-20261110-ABCDEFGHJKLM")).isEqualTo(json);

    // a retry after a lost answer records nothing new and gets the first receipt
    new SubmitActWorker(province).execute(task, service);
    assertThat(province.recordedCount()).isEqualTo(1);
    assertThat(province.calls()).isEqualTo(2);
  }

  @Test
  void P5_R01_a_failed_submission_throws_for_the_failure_policy_and_completes_nothing() {
    RecordingProvincialSystem province = new RecordingProvincialSystem();
    province.failNext(1);
    when(task.getBusinessKey()).thenReturn("JG-20261110-ZZZZZZZZZZZZ");
    when(task.getVariable("act")).thenReturn(act(validCode(), "2026-11-10T09:30:00+08:00"));
    assertThatThrownBy(() -> new SubmitActWorker(province).execute(task, service))
        .isInstanceOf(IllegalStateException.class);
    verify(service, never()).complete(any(), any());
    assertThat(province.recordedCount()).isZero();
  }
}
