package cn.gov.linfen.fenhe.workers.p2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.procedures.p2.OpeningNotice;
import cn.gov.linfen.fenhe.procedures.p2.RecordingFiling;
import cn.gov.linfen.fenhe.procedures.p2.RecordingObjection;
import cn.gov.linfen.fenhe.test.TestClock;
import cn.gov.linfen.fenhe.workers.WorkerTestSupport;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.client.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

/**
 * Each P2 worker is thin: it reads the task, calls its plain service, completes with the output.
 */
class P2WorkersTest extends WorkerTestSupport {

  static final Instant NOW = Instant.parse("2026-09-22T07:00:00Z"); // 15:00 in Shanghai
  final FenheClock clock = clockAt(NOW);

  @Test
  void open_notice_ends_the_notice_at_00_00_shanghai_of_day_11_and_starts_a_new_round() {
    when(task.getVariable("noticeStartDate")).thenReturn("2026-09-14");
    when(task.getVariable("noticeDays")).thenReturn(10);
    when(task.getVariable("noticeRound")).thenReturn(1);

    new OpenNoticeWorker(new OpeningNotice(TestClock.ZONE)).execute(task, service);

    Map<String, Object> output = completed();
    assertThat(output)
        .containsEntry("noticeRound", 2)
        .containsEntry("openObjections", 0)
        .containsEntry("noticeEndsAt", Date.from(Instant.parse("2026-09-23T16:00:00Z")));
    assertThat((String) output.get("noticePeriod")).startsWith("第 2 次公告：2026-09-14 至 2026-09-23");
  }

  @Test
  void open_notice_raises_an_incident_without_a_start_date() {
    when(task.getVariable("noticeStartDate")).thenReturn("14.09.2026");

    new OpenNoticeWorker(new OpeningNotice(TestClock.ZONE)).execute(task, service);

    verify(service).handleFailure(eq(task), anyString(), anyString(), eq(0), eq(0L));
    verify(service, never()).complete(any(), any());
  }

  @Test
  void open_notice_raises_an_incident_when_the_model_gives_fewer_than_10_days() {
    when(task.getVariable("noticeStartDate")).thenReturn("2026-09-14");
    when(task.getVariable("noticeDays")).thenReturn(9);

    new OpenNoticeWorker(new OpeningNotice(TestClock.ZONE)).execute(task, service);

    verify(service).handleFailure(eq(task), contains("noticeDays"), anyString(), eq(0), eq(0L));
    verify(service, never()).complete(any(), any());
  }

  @Test
  void record_objection_appends_to_the_list_and_counts_the_round() {
    when(task.getVariable("noticeRound")).thenReturn(2);
    when(task.getVariable("objector")).thenReturn("村民王某");
    when(task.getVariable("objectionContent")).thenReturn("占用机耕路");
    when(task.getVariable("objectionChannel")).thenReturn("MESSAGE");
    when(task.getVariable("objectionLodgedAt"))
        .thenReturn(Date.from(Instant.parse("2026-09-22T06:00:00Z")));
    when(task.getVariable("objections"))
        .thenReturn("[{\"round\":1,\"objector\":\"甲\",\"content\":\"旧\"}]");

    new RecordObjectionWorker(new RecordingObjection(TestClock.ZONE), clock).execute(task, service);

    Map<String, Object> output = completed();
    assertThat(output)
        .containsEntry("openObjections", 1)
        .containsEntry("objector", null)
        .containsEntry("objectionContent", null);
    assertThat(((JsonValue) output.get("objections")).getValue())
        .contains(
            "\"objector\":\"甲\"",
            "\"round\":2",
            "\"lodgedAt\":\"2026-09-22T06:00:00Z\"",
            "\"channel\":\"MESSAGE\"");
    assertThat((String) output.get("lastObjection"))
        .isEqualTo("异议（第 2 次公告，2026-09-22 14:00，村民王某）：占用机耕路");
  }

  @Test
  void record_objection_from_the_form_is_lodged_now() {
    when(task.getVariable("noticeRound")).thenReturn(1);
    when(task.getVariable("objector")).thenReturn("村民李某");
    when(task.getVariable("objectionContent")).thenReturn("遮挡日照");

    new RecordObjectionWorker(new RecordingObjection(TestClock.ZONE), clock).execute(task, service);

    assertThat(((JsonValue) completed().get("objections")).getValue())
        .contains("\"channel\":\"FORM\"", "\"lodgedAt\":\"2026-09-22T07:00:00Z\"");
  }

  @Test
  void record_objection_without_content_raises_an_incident() {
    when(task.getVariable("noticeRound")).thenReturn(1);
    when(task.getVariable("objector")).thenReturn("村民李某");

    new RecordObjectionWorker(new RecordingObjection(TestClock.ZONE), clock).execute(task, service);

    verify(service).handleFailure(eq(task), anyString(), anyString(), eq(0), eq(0L));
  }

  @Test
  void record_filing_permits_construction_and_notes_a_late_filing() {
    when(task.getVariable("filingNumber")).thenReturn("尧都区屯里镇设施农业用地备〔2026〕3号");
    when(task.getVariable("county")).thenReturn("尧都区");
    when(task.getVariable("township")).thenReturn("屯里镇");
    when(task.getVariable("filingDeadline"))
        .thenReturn(Date.from(Instant.parse("2026-09-22T06:59:00Z")));

    new RecordFilingWorker(new RecordingFiling(TestClock.ZONE), clock).execute(task, service);

    Map<String, Object> output = completed();
    assertThat(output)
        .containsEntry("constructionPermitted", true)
        .containsEntry("filedOnTime", false)
        .containsEntry("filingNumber", "尧都区屯里镇设施农业用地备〔2026〕3号")
        .containsEntry("filedAt", Date.from(NOW));
    assertThat((String) output.get("filingRecord"))
        .contains("已备案（尧都区屯里镇设施农业用地备〔2026〕3号）", "已超过期限 2026-09-22 14:59", "可以动工建设");
  }
}
