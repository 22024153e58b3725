package cn.gov.linfen.fenhe.procedures.p4;

import static cn.gov.linfen.fenhe.procedures.p4.CoalQualitySamplingProcess.Variables.*;

import cn.gov.linfen.fenhe.audit.AuditLog;
import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.FenheGroup;
import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.engine.validation.InvalidTaskCompletionException;
import cn.gov.linfen.fenhe.engine.validation.StartValidator;
import cn.gov.linfen.fenhe.engine.validation.TaskCompletionCheck;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Engine-side wiring of P4 (民用煤煤质抽检): the register and ledger, the round's and the cases' listeners
 * ({@code ${coalSampling.…}}), the check of a manual start of the round, and the server-side checks
 * of each kind of user task ({@code ${coal…Check}}).
 */
@Configuration(proxyBeanMethods = false)
@EngineRole
public class CoalSamplingConfiguration {

  @Bean
  CoalRegisters coalRegisters(JdbcTemplate jdbc, AuditLog audit) {
    return new CoalRegisters(jdbc, audit);
  }

  @Bean(CoalSampling.BEAN_NAME)
  CoalSampling coalSampling(CoalRegisters registers, FenheClock clock) {
    return new CoalSampling(registers, clock);
  }

  @Bean
  CoalChecks coalChecks(FenheClock clock) {
    return new CoalChecks(clock.zone());
  }

  /**
   * The round is opened by its timer on the 1st; the city bureau may open it by hand (e.g. the
   * platform went live mid-month), for one county ({@code onlyCounty}) or all, for a month ({@code
   * samplingMonth}, default this month), with a seed to re-run a published draw.
   */
  @Bean
  StartValidator coalQualitySamplingRoundStartValidator(CoalRegisters registers, FenheClock clock) {
    return StartValidator.of(
        CoalQualitySamplingProcess.ROUND_KEY,
        v -> {
          List<FieldError> errors = new ArrayList<>();
          Object month = v.get(SAMPLING_MONTH);
          if (month != null
              && !(month instanceof String s && s.isBlank())
              && MonthLabels.parse(month).isEmpty()) {
            errors.add(P4Refusal.SAMPLING_MONTH_INVALID.at(SAMPLING_MONTH));
          }
          Object only = v.get(ONLY_COUNTY);
          if (only != null && !(only instanceof String s && s.isBlank())) {
            FieldError county = County.check(ONLY_COUNTY, only);
            if (county != null) {
              errors.add(county);
            } else if (errors.isEmpty()) {
              String m =
                  month instanceof String s && !s.isBlank()
                      ? s.trim()
                      : java.time.YearMonth.from(clock.today()).toString();
              if (registers.hasPlan(County.of((String) only).orElseThrow().chineseName(), m)) {
                errors.add(
                    P4Refusal.COUNTY_PLAN_EXISTS.at(
                        ONLY_COUNTY,
                        County.of((String) only).orElseThrow().chineseName(),
                        MonthLabels.label(m)));
              }
            }
          }
          Object seed = v.get(DRAW_SEED);
          if (seed != null
              && !(seed instanceof String s && s.isBlank())
              && !(seed instanceof String s2 && DrawingSellers.SEED.matcher(s2.trim()).matches())) {
            errors.add(P4Refusal.DRAW_SEED_INVALID.at(DRAW_SEED));
          }
          return errors;
        });
  }

  @Bean
  TaskListener coalPlanCheck(CoalChecks checks, CoalRegisters registers) {
    return task -> {
      String county = (String) task.getVariable(COUNTY);
      TaskCompletionCheck.of(
              v ->
                  checks.plan(
                      v,
                      code ->
                          registers.seller(code).map(s -> s.county().equals(county)).orElse(false)))
          .notify(task);
    };
  }

  @Bean
  TaskCompletionCheck coalSamplingCheck(CoalChecks checks, FenheClock clock) {
    return TaskCompletionCheck.of(v -> checks.sampling(v, clock.today()));
  }

  @Bean
  TaskCompletionCheck coalResultCheck(CoalChecks checks, FenheClock clock) {
    return TaskCompletionCheck.of(v -> checks.result(v, clock.today()));
  }

  @Bean
  TaskCompletionCheck coalDeliveryCheck(CoalChecks checks, FenheClock clock) {
    return TaskCompletionCheck.of(v -> checks.delivery(v, clock.today()));
  }

  @Bean
  TaskCompletionCheck coalDisposalCheck(CoalChecks checks) {
    return TaskCompletionCheck.of(checks::disposal);
  }

  /**
   * A handler's record is checked, then added to the case's handling log (each handler its own
   * line).
   */
  @Bean
  TaskListener coalHandlingCheck(CoalChecks checks, FenheClock clock) {
    return task -> {
      if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
        return;
      }
      List<FieldError> errors = checks.handling(task.getVariables(), clock.today());
      if (!errors.isEmpty()) {
        throw new InvalidTaskCompletionException(task.getTaskDefinitionKey(), errors);
      }
      String handler = (String) task.getVariable(VIOLATION_HANDLER);
      String name =
          CoalQualitySamplingProcess.Decided.HANDLER_MARKET_SUPERVISION.equals(handler)
              ? County.of((String) task.getVariable(COUNTY))
                  .orElseThrow()
                  .groupName(FenheGroup.COUNTY_MARKET_SUPERVISION)
              : FenheGroup.byId(handler).map(FenheGroup::chineseName).orElse(handler);
      Object before = task.getExecution().getProcessInstance().getVariable(HANDLING_LOG);
      String line =
          name
              + "（"
              + CoalChecks.date(task.getVariable(HANDLED_ON), clock.zone())
              + "）："
              + task.getVariable(HANDLING_MEASURES);
      task.getExecution()
          .getProcessInstance()
          .setVariable(
              HANDLING_LOG,
              before == null || before.toString().isBlank() ? line : before + "\n" + line);
    };
  }

  @Bean
  TaskCompletionCheck coalClosureCheck(CoalChecks checks) {
    return TaskCompletionCheck.of(checks::closure);
  }

  @Bean
  TaskCompletionCheck coalFollowUpCheck(CoalChecks checks) {
    return TaskCompletionCheck.of(checks::followUp);
  }
}
