package cn.gov.linfen.fenhe.workers.p1;

import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Variables.*;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.procedures.p1.ApplicationCheck;
import cn.gov.linfen.fenhe.procedures.p1.OpeningEvaluationRound;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess;
import java.util.Map;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.stereotype.Component;

/** Topic {@value SoeReformFundProcess.Topics#OPEN_EVALUATION_ROUND}: read, call, complete. */
@Component
@ExternalTaskSubscription(SoeReformFundProcess.Topics.OPEN_EVALUATION_ROUND)
public class OpenEvaluationRoundWorker implements ExternalTaskHandler {

  private final OpeningEvaluationRound opening;
  private final FenheClock clock;

  public OpenEvaluationRoundWorker(OpeningEvaluationRound opening, FenheClock clock) {
    this.opening = opening;
    this.clock = clock;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    Long requested = ApplicationCheck.wholeNumber(task.getVariable(EVALUATION_YEAR));
    try {
      OpeningEvaluationRound.Round round =
          opening.open(requested == null ? null : requested.intValue(), clock.today());
      service.complete(
          task,
          Map.of(
              EVALUATION_YEAR, round.year(),
              SELF_EVALUATION_DUE, round.selfEvaluationDue(),
              SASAC_EVALUATION_DUE, round.sasacEvaluationDue()));
    } catch (IllegalArgumentException e) {
      service.handleFailure(task, "评价年度有误 / invalid evaluation year", e.getMessage(), 0, 0);
    }
  }
}
