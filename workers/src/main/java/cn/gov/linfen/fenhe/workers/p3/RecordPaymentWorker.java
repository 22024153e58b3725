package cn.gov.linfen.fenhe.workers.p3;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.procedures.p3.RecordingPayment;
import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess;
import java.util.Date;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.stereotype.Component;

/**
 * Topic {@value ScrapSteelRewardProcess.Topics#RECORD_PAYMENT}: read the deadline, record,
 * complete.
 */
@Component
@ExternalTaskSubscription(ScrapSteelRewardProcess.Topics.RECORD_PAYMENT)
public class RecordPaymentWorker implements ExternalTaskHandler {

  private final RecordingPayment recording;
  private final FenheClock clock;

  public RecordPaymentWorker(RecordingPayment recording, FenheClock clock) {
    this.recording = recording;
    this.clock = clock;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    Date dueAt = task.getVariable(ScrapSteelRewardProcess.Variables.DUE_AT);
    service.complete(task, recording.record(dueAt, clock.now()));
  }
}
