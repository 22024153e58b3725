package cn.gov.linfen.fenhe.workers.p5;

import static cn.gov.linfen.fenhe.procedures.p5.SupervisionProcess.Variables.*;

import cn.gov.linfen.fenhe.procedures.p5.ProvincialSupervisionSystem;
import cn.gov.linfen.fenhe.procedures.p5.SupervisionProcess;
import java.util.Map;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.stereotype.Component;

/**
 * Topic {@value SupervisionProcess.Topics#SUBMIT_ACT}: sends one act to the provincial data centre
 * (P5-R01, 二(二)2) with the case's business key as idempotency key, so a retry after a lost answer
 * never records it twice. A failure throws: the failure policy retries and ends in an incident; the
 * act waits, nothing is lost.
 */
@Component
@ExternalTaskSubscription(SupervisionProcess.Topics.SUBMIT_ACT)
public class SubmitActWorker implements ExternalTaskHandler {

  private final ProvincialSupervisionSystem province;

  public SubmitActWorker(ProvincialSupervisionSystem province) {
    this.province = province;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    ProvincialSupervisionSystem.Receipt receipt =
        province.submit(
            new ProvincialSupervisionSystem.Submission(
                task.getBusinessKey(), String.valueOf((Object) task.getVariable(ACT))));
    service.complete(task, Map.of(RECEIPT_NO, receipt.receiptNo()));
  }
}
