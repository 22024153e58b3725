package cn.gov.linfen.fenhe.workers.p1;

import static cn.gov.linfen.fenhe.workers.p1.SoeReformFundProcess.Variables.*;

import cn.gov.linfen.fenhe.workers.WorkerClock;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.stereotype.Component;

/** Topic {@value SoeReformFundProcess.Topics#RAISE_OVERDUE_ALERT}: read, call, complete. */
@Component
@ExternalTaskSubscription(SoeReformFundProcess.Topics.RAISE_OVERDUE_ALERT)
public class RaiseOverdueAlertWorker implements ExternalTaskHandler {

  private final RaisingOverdueAlert raising;
  private final WorkerClock clock;

  public RaiseOverdueAlertWorker(RaisingOverdueAlert raising, WorkerClock clock) {
    this.raising = raising;
    this.clock = clock;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    Date deadline = task.getVariable(TRANSFER_DEADLINE);

    RaisingOverdueAlert.Alert alert = raising.raise(task.getVariable(APPLICATION_NUMBER),
        task.getVariable(ENTERPRISE_NAME), task.getVariable(NOTICE_NUMBER),
        deadline == null ? null : deadline.toInstant(), clock.now());

    service.complete(task, Map.of(
        TRANSFER_OVERDUE, true,
        OVERDUE_ALERT, alert.message(),
        OVERDUE_ALERT_RECIPIENTS, String.join(",", alert.recipients()),
        OVERDUE_ALERTED_AT, Date.from(alert.raisedAt())));
  }
}
