package cn.gov.linfen.fenhe.workers.p5;

import static cn.gov.linfen.fenhe.procedures.p5.SupervisionProcess.Variables.*;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.procedures.p5.ActChecks;
import cn.gov.linfen.fenhe.procedures.p5.SupervisionActs;
import cn.gov.linfen.fenhe.procedures.p5.SupervisionProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.stereotype.Component;

/**
 * Topic {@value SupervisionProcess.Topics#CHECK_ACT_QUALITY}: the quality check of one act (P5-R02,
 * 二(二)3): its fields, the credit code's check digit, the 执法证号, a time not in the future and its
 * item on the department's 检查实施清单. Read, call, complete ({@code actAbnormal}, the findings in
 * Chinese).
 */
@Component
@ExternalTaskSubscription(SupervisionProcess.Topics.CHECK_ACT_QUALITY)
public class CheckActQualityWorker implements ExternalTaskHandler {

  private final ActChecks checks;
  private final FenheClock clock;

  public CheckActQualityWorker(ActChecks checks, FenheClock clock) {
    this.checks = checks;
    this.clock = clock;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    Map<String, Object> act = SupervisionActs.parse(String.valueOf((Object) task.getVariable(ACT)));
    boolean listed = Boolean.TRUE.equals(task.getVariable(ITEM_LISTED));
    List<FieldError> findings = checks.quality(act, listed, clock.now());
    Map<String, Object> output = new HashMap<>();
    output.put(ACT_ABNORMAL, !findings.isEmpty());
    if (!findings.isEmpty()) {
      output.put(
          QUALITY_FINDINGS,
          findings.stream()
              .map(f -> f.field() + "：" + f.chinese())
              .collect(Collectors.joining("\n")));
    }
    service.complete(task, output);
  }
}
