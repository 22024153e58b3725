package cn.gov.linfen.fenhe.workers.p4;

import static cn.gov.linfen.fenhe.procedures.p4.CoalQualitySamplingProcess.Variables.*;

import cn.gov.linfen.fenhe.procedures.p4.CheckingCoverage;
import cn.gov.linfen.fenhe.procedures.p4.CoalQualitySamplingProcess;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.stereotype.Component;

/**
 * Topic {@value CoalQualitySamplingProcess.Topics#CHECK_COVERAGE}: at the end of the month, the
 * county's coverage against 20% (and in December the year's against 100%, P4-R05). Read, call,
 * complete.
 */
@Component
@ExternalTaskSubscription(CoalQualitySamplingProcess.Topics.CHECK_COVERAGE)
public class CheckCoverageWorker implements ExternalTaskHandler {

  private final CheckingCoverage checking;

  public CheckCoverageWorker(CheckingCoverage checking) {
    this.checking = checking;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    CheckingCoverage.Coverage coverage;
    try {
      coverage =
          checking.check(
              task.getVariable(COUNTY),
              task.getVariable(SAMPLING_MONTH),
              count(task, REGISTERED_COUNT),
              count(task, MONTH_SAMPLED),
              count(task, YEAR_REGISTERED),
              count(task, YEAR_SAMPLED));
    } catch (RuntimeException e) {
      service.handleFailure(
          task, "覆盖率核查失败 / coverage check failed", String.valueOf(e.getMessage()), 0, 0L);
      return;
    }
    Map<String, Object> output = new HashMap<>();
    output.put(MONTH_COVERAGE_PERCENT, coverage.monthPercent().toPlainString());
    output.put(YEAR_COVERAGE_PERCENT, coverage.yearPercent().toPlainString());
    output.put(COVERAGE_SHORTFALL, coverage.shortfall());
    output.put(COVERAGE_SUMMARY, coverage.summary());
    service.complete(task, output);
  }

  private static int count(ExternalTask task, String name) {
    Object value = task.getVariable(name);
    if (!(value instanceof Number number)) {
      throw new IllegalArgumentException(name + " is not a number: " + value);
    }
    return number.intValue();
  }
}
