package cn.gov.linfen.fenhe.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code 3WD} in a model: user task due dates and timers on the engine clock (never sleeping). */
class WorkingDayDeadlineProcessTest extends IntegrationTest {

  static final String MODEL = "calendar/working-day-deadline-test.bpmn";
  static final String DEADLINE_PROCESS = "working-day-deadline-test";
  static final String DATE_PROCESS = "working-day-date-test";
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** 18:00 Asia/Shanghai on Saturday 2026-10-10, the make-up working day after 国庆节. */
  static final Instant OCTOBER_10_18_00 =
      ZonedDateTime.of(2026, 10, 10, 18, 0, 0, 0, SHANGHAI).toInstant();

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  private Deployment deployment;

  @BeforeEach
  void deploy() {
    deployment =
        repositoryService
            .createDeployment()
            .name("working-day-deadline-test")
            .addClasspathResource(MODEL)
            .deploy();
  }

  @AfterEach
  void undeployAndResetClock() {
    ClockUtil.reset();
    repositoryService.deleteDeployment(deployment.getId(), true);
  }

  private static void clockAt(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  private ProcessInstance start(String key) {
    return runtimeService.startProcessInstanceByKey(key, "WD-" + UUID.randomUUID());
  }

  private Task task(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private Job timer(ProcessInstance instance) {
    return managementService
        .createJobQuery()
        .processInstanceId(instance.getId())
        .timers()
        .singleResult();
  }

  @Test
  void
      X_R01_a_task_due_3WD_and_its_3WD_timer_fall_at_18_00_shanghai_on_the_3rd_working_day_and_the_timer_fires_on_the_engine_clock() {
    clockAt(ZonedDateTime.of(2026, 9, 30, 10, 0, 0, 0, SHANGHAI).toInstant());
    ProcessInstance instance = start(DEADLINE_PROCESS);

    Task transfer = task(instance);
    assertThat(transfer.getTaskDefinitionKey()).isEqualTo("UserTask_Transfer");
    assertThat(transfer.getDueDate().toInstant()).isEqualTo(OCTOBER_10_18_00);
    Job deadline = timer(instance);
    assertThat(deadline.getDuedate().toInstant()).isEqualTo(OCTOBER_10_18_00);

    // not due a minute before the deadline
    clockAt(OCTOBER_10_18_00.minus(1, ChronoUnit.MINUTES));
    assertThat(
            managementService
                .createJobQuery()
                .processInstanceId(instance.getId())
                .executable()
                .count())
        .isZero();

    clockAt(OCTOBER_10_18_00.plus(1, ChronoUnit.MINUTES));
    assertThat(
            managementService
                .createJobQuery()
                .processInstanceId(instance.getId())
                .executable()
                .count())
        .isEqualTo(1);
    managementService.executeJob(deadline.getId());

    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .activityId("EndEvent_FlaggedOverdue")
                .finished()
                .count())
        .isEqualTo(1);
    // the transfer is flagged overdue, not cancelled
    assertThat(task(instance).getId()).isEqualTo(transfer.getId());
  }

  @Test
  void X_R01_a_task_created_at_23_30_utc_gets_its_due_date_in_shanghai_time() {
    // Tuesday 2026-09-29 23:30 UTC is Wednesday 2026-09-30 07:30 in Shanghai
    clockAt(Instant.parse("2026-09-29T23:30:00Z"));
    ProcessInstance instance = start(DEADLINE_PROCESS);
    assertThat(task(instance).getDueDate().toInstant()).isEqualTo(OCTOBER_10_18_00);
    assertThat(timer(instance).getDuedate().toInstant()).isEqualTo(OCTOBER_10_18_00);
  }

  @Test
  void X_R01_a_timeDate_in_working_days_works_and_iso_durations_are_unchanged() {
    clockAt(ZonedDateTime.of(2026, 9, 30, 10, 0, 0, 0, SHANGHAI).toInstant());
    ProcessInstance instance = start(DATE_PROCESS);
    Job wait = timer(instance);
    assertThat(wait.getDuedate().toInstant())
        .isEqualTo(ZonedDateTime.of(2026, 10, 9, 18, 0, 0, 0, SHANGHAI).toInstant());

    Instant fired = ZonedDateTime.of(2026, 10, 9, 18, 0, 30, 0, SHANGHAI).toInstant();
    clockAt(fired);
    managementService.executeJob(wait.getId());
    // P10D: ten calendar days from now, as the stock calendar computes it
    assertThat(task(instance).getDueDate().toInstant()).isEqualTo(fired.plus(10, ChronoUnit.DAYS));
  }
}
