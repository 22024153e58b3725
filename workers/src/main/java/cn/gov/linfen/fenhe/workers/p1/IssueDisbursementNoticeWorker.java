package cn.gov.linfen.fenhe.workers.p1;

import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Variables.*;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.Yuan;
import cn.gov.linfen.fenhe.procedures.p1.ComputingFundingGap;
import cn.gov.linfen.fenhe.procedures.p1.IssuingDisbursementNotice;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess;
import java.util.Map;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.stereotype.Component;

/** Topic {@value SoeReformFundProcess.Topics#ISSUE_DISBURSEMENT_NOTICE}: read, call, complete. */
@Component
@ExternalTaskSubscription(SoeReformFundProcess.Topics.ISSUE_DISBURSEMENT_NOTICE)
public class IssueDisbursementNoticeWorker implements ExternalTaskHandler {

  private final IssuingDisbursementNotice issuing;
  private final FenheClock clock;

  public IssueDisbursementNoticeWorker(IssuingDisbursementNotice issuing, FenheClock clock) {
    this.issuing = issuing;
    this.clock = clock;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    IssuingDisbursementNotice.Request request =
        new IssuingDisbursementNotice.Request(
            task.getVariable(NOTICE_NUMBER),
            task.getVariable(APPLICATION_NUMBER),
            task.getVariable(ENTERPRISE_NAME),
            Yuan.parse(task.getVariable(REQUESTED_AMOUNT)),
            Yuan.parse(task.getVariable(APPROVED_AMOUNT)),
            task.getVariable(DISBURSEMENT_TYPE),
            Yuan.parse(task.getVariable(DISBURSEMENT_AMOUNT)),
            task.getVariable(ACCOUNT_NAME),
            task.getVariable(ACCOUNT_NUMBER),
            task.getVariable(BANK_NAME),
            task.getVariable(BANK_CODE),
            task.getVariable(ACCOUNT_CONTACT),
            task.getVariable(ACCOUNT_CONTACT_PHONE),
            ComputingFundingGap.attachmentCodes(task.getVariable(REVIEWER_GROUPS)),
            java.time.LocalDate.parse(task.<String>getVariable(TRANSFER_DUE_DATE)));

    // number and day of issue: taken by the engine when it reached this step (one per case)
    String issuedOn = task.getVariable(NOTICE_ISSUED_ON);
    IssuingDisbursementNotice.Notice notice =
        issuing.issue(
            request, issuedOn == null ? clock.today() : java.time.LocalDate.parse(issuedOn));

    service.complete(
        task,
        Map.of(
            NOTICE_NUMBER, notice.number(),
            NOTICE_ISSUED_ON, notice.issuedOn().toString(),
            DISBURSEMENT_NOTICE, notice.text()));
  }
}
