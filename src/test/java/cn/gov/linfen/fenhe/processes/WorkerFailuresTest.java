package cn.gov.linfen.fenhe.processes;

import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Elements.*;
import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario.application;
import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario.demo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Groups;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Topics;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundScenario;
import cn.gov.linfen.fenhe.procedures.p5.SupervisionProcess;
import cn.gov.linfen.fenhe.test.ExternalTasks;
import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.workers.common.EscalateWorker;
import cn.gov.linfen.fenhe.workers.failures.FailureHandling;
import cn.gov.linfen.fenhe.workers.failures.FailurePolicy;
import cn.gov.linfen.fenhe.workers.p1.CheckStaffingAndPayWorker;
import cn.gov.linfen.fenhe.workers.p1.IssueDisbursementNoticeWorker;
import cn.gov.linfen.fenhe.workers.p1.RecordTransferWorker;
import cn.gov.linfen.fenhe.workers.p1.ValidateApplicationWorker;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.client.spring.SpringTopicSubscription;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A worker's failure surfaces (issue 13, item 1): anything a worker throws counts the task's
 * retries down with a back-off and ends in an incident Cockpit shows in Chinese; after the data are
 * corrected, a retry finishes the case. The real P1 workers, as the subscriptions run them.
 */
class WorkerFailuresTest extends IntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired FailurePolicy policy;
  @Autowired List<SpringTopicSubscription> subscriptions;
  @Autowired ValidateApplicationWorker validate;
  @Autowired CheckStaffingAndPayWorker staffing;
  @Autowired IssueDisbursementNoticeWorker notice;
  @Autowired RecordTransferWorker record;
  @Autowired EscalateWorker alert;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void
      every_subscription_runs_its_worker_with_the_failure_policy_and_fetches_only_the_variables_it_names() {
    assertThat(subscriptions).hasSize(19);
    for (SpringTopicSubscription subscription : subscriptions) {
      assertThat(subscription.getExternalTaskHandler())
          .as(subscription.getTopicName())
          .isInstanceOf(FailureHandling.class);
      assertThat(subscription.getVariableNames())
          .as("variable names of " + subscription.getTopicName())
          .isNotNull()
          .isEqualTo(ExternalTasks.variableNames(subscription.getTopicName()));
      assertThat(subscription.getLockDuration())
          .as("lock of " + subscription.getTopicName())
          .isEqualTo(15_000L);
    }
    assertThat(policy.retries()).isEqualTo(3);
    // the topics whose workers the fetching thread hands to the pool (fenhe.workers.pool.topics):
    // P5's acts and P1's case steps (docs/failures.md)
    assertThat(
            subscriptions.stream()
                .filter(s -> ((FailureHandling) s.getExternalTaskHandler()).pooled())
                .map(SpringTopicSubscription::getTopicName))
        .containsExactlyInAnyOrder(
            SupervisionProcess.Topics.CHECK_ACT_QUALITY,
            SupervisionProcess.Topics.SUBMIT_ACT,
            Topics.VALIDATE_APPLICATION,
            Topics.CHECK_STAFFING_AND_PAY,
            Topics.ISSUE_DISBURSEMENT_NOTICE,
            Topics.RECORD_TRANSFER);
  }

  @Test
  void an_account_number_sent_as_a_number_is_refused_at_submission() {
    SoeReformFundScenario p1 = scenario("FAIL-NUM");
    p1.start(application(Map.of("liquidationCostAmount", "300000.00")));
    p1.runUntil(PREPARE_NOTICE);

    Map<String, Object> numeric =
        new HashMap<>(SoeReformFundScenario.notice(p1.variable("requestedAmount")));
    numeric.put("accountNumber", 622202123456789L);
    Http.Response refused = p1.submit(PREPARE_NOTICE, demo(Groups.REFORM_OFFICE), numeric);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().get("field").asText()).isEqualTo("accountNumber");
    assertThat(refused.json().get("reason").asText())
        .contains("账号")
        .contains("文字"); // the engine's form-kind check (TaskWorkGuard) answers first
    assertThat(p1.openTaskKeys()).contains(PREPARE_NOTICE);
  }

  @Test
  void
      a_failing_worker_raises_an_incident_on_the_third_try_and_a_retry_after_the_fix_finishes_the_case() {
    SoeReformFundScenario p1 = scenario("FAIL-INC");
    p1.start(application(Map.of("liquidationCostAmount", "300000.00")));
    p1.runUntil(PREPARE_NOTICE);
    p1.work(PREPARE_NOTICE);
    // the account number, stored as a number (as an older release's form check let through)
    engine
        .getRuntimeService()
        .setVariable(p1.processInstanceId, "accountNumber", 6222021234567890L);
    ExternalTasks external = new ExternalTasks(engine);
    ExternalTaskHandler worker = p1.workers.get(Topics.ISSUE_DISBURSEMENT_NOTICE);
    long now = System.currentTimeMillis();
    ClockUtil.setCurrentTime(new Date(now));

    assertThat(external.run(Topics.ISSUE_DISBURSEMENT_NOTICE, p1.businessKey, worker)).isEqualTo(1);
    assertThat(task(p1).getRetries()).isEqualTo(2);
    assertThat(task(p1).getErrorMessage()).isEqualTo("自动处理失败，将于 10 秒后自动重试（还剩 2 次）");
    assertThat(external.run(Topics.ISSUE_DISBURSEMENT_NOTICE, p1.businessKey, worker))
        .as("backing off")
        .isZero();

    ClockUtil.setCurrentTime(new Date(now + 11_000));
    assertThat(external.run(Topics.ISSUE_DISBURSEMENT_NOTICE, p1.businessKey, worker)).isEqualTo(1);
    assertThat(task(p1).getRetries()).isEqualTo(1);
    assertThat(incidents(p1)).isEmpty();

    ClockUtil.setCurrentTime(new Date(now + 11_000 + 21_000));
    assertThat(external.run(Topics.ISSUE_DISBURSEMENT_NOTICE, p1.businessKey, worker)).isEqualTo(1);
    assertThat(task(p1).getRetries()).isZero();
    assertThat(incidents(p1))
        .singleElement()
        .satisfies(
            incident -> {
              assertThat(incident.getIncidentType()).isEqualTo(Incident.EXTERNAL_TASK_HANDLER_TYPE);
              assertThat(incident.getActivityId()).isEqualTo(ISSUE_NOTICE);
              assertThat(incident.getIncidentMessage()).startsWith("自动处理失败，已多次重试仍未成功");
            });
    assertThat(engine.getExternalTaskService().getExternalTaskErrorDetails(task(p1).getId()))
        .contains("ClassCastException");
    ClockUtil.setCurrentTime(new Date(now + 600_000));
    assertThat(external.run(Topics.ISSUE_DISBURSEMENT_NOTICE, p1.businessKey, worker))
        .as("waits for an operator")
        .isZero();

    // the operator corrects the data and retries (Cockpit: 重试)
    engine
        .getRuntimeService()
        .setVariable(p1.processInstanceId, "accountNumber", "1410 0123 4567 8901");
    engine.getExternalTaskService().setRetries(task(p1).getId(), 1);
    assertThat(incidents(p1)).isEmpty();
    p1.runUntil();

    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSED);
    assertThat(p1.historicVariable("noticeNumber")).isNotNull();
  }

  private SoeReformFundScenario scenario(String prefix) {
    Map<String, ExternalTaskHandler> workers = new HashMap<>();
    SoeReformFundScenario.workers(validate, staffing, notice, record, alert)
        .forEach((topic, worker) -> workers.put(topic, FailureHandling.around(worker, policy)));
    return new SoeReformFundScenario(engine, baseUrl(), prefix + "-" + UUID.randomUUID(), workers);
  }

  private ExternalTask task(SoeReformFundScenario p1) {
    return engine
        .getExternalTaskService()
        .createExternalTaskQuery()
        .processInstanceId(p1.processInstanceId)
        .topicName(Topics.ISSUE_DISBURSEMENT_NOTICE)
        .singleResult();
  }

  private List<Incident> incidents(SoeReformFundScenario p1) {
    return engine
        .getRuntimeService()
        .createIncidentQuery()
        .processInstanceId(p1.processInstanceId)
        .list();
  }
}
