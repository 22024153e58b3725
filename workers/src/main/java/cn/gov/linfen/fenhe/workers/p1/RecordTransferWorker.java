package cn.gov.linfen.fenhe.workers.p1;

import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Variables.*;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.Yuan;
import cn.gov.linfen.fenhe.procedures.p1.RecordingTransfer;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.stereotype.Component;

/** Topic {@value SoeReformFundProcess.Topics#RECORD_TRANSFER}: read, call, complete. */
@Component
@ExternalTaskSubscription(SoeReformFundProcess.Topics.RECORD_TRANSFER)
public class RecordTransferWorker implements ExternalTaskHandler {

  private final RecordingTransfer recording;
  private final FenheClock clock;

  public RecordTransferWorker(RecordingTransfer recording, FenheClock clock) {
    this.recording = recording;
    this.clock = clock;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    Date deadline = task.getVariable(TRANSFER_DEADLINE);
    Instant due = deadline == null ? null : deadline.toInstant();
    try {
      RecordingTransfer.Transfer transfer =
          recording.record(
              task.getVariable(NOTICE_NUMBER),
              Yuan.parse(task.getVariable(DISBURSEMENT_AMOUNT)),
              Yuan.parse(task.getVariable(TRANSFERRED_AMOUNT)),
              task.getVariable(TRANSFER_VOUCHER_NUMBER),
              due,
              clock.now());
      service.complete(
          task, Map.of(TRANSFER_ON_TIME, transfer.onTime(), TRANSFER_RECORD, transfer.record()));
    } catch (IllegalArgumentException e) {
      service.handleFailure(
          task, "划转金额与通知书不符 / transfer does not match the notice", e.getMessage(), 0, 0);
    }
  }
}
