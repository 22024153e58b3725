package cn.gov.linfen.fenhe.procedures.p5;

import static cn.gov.linfen.fenhe.procedures.p5.SupervisionProcess.Variables.*;

import cn.gov.linfen.fenhe.audit.AuditLog;
import cn.gov.linfen.fenhe.calendar.WorkingDayCalendar;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.engine.validation.StartValidator;
import cn.gov.linfen.fenhe.engine.validation.TaskCompletionCheck;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Engine-side wiring of P5 (互联网+监管): the acts' ledger and the 检查实施清单, the listeners of the three
 * processes ({@code ${supervisionActs.…}}, {@code ${supervisionClues.…}}, {@code
 * ${supervisionMonthly.…}}), the start checks and the server-side checks of each user task.
 */
@Configuration(proxyBeanMethods = false)
@EngineRole
public class SupervisionConfiguration {

  @Bean
  InspectionLists inspectionLists(JdbcTemplate jdbc, AuditLog audit) {
    return new InspectionLists(jdbc, audit);
  }

  @Bean(SupervisionActs.BEAN_NAME)
  SupervisionActs supervisionActs(
      JdbcTemplate jdbc,
      InspectionLists lists,
      WorkingDayCalendar calendar,
      FenheClock clock,
      ActChecks checks) {
    return new SupervisionActs(jdbc, lists, calendar, clock, checks);
  }

  @Bean(SupervisionClues.BEAN_NAME)
  SupervisionClues supervisionClues() {
    return new SupervisionClues();
  }

  @Bean(SupervisionMonthly.BEAN_NAME)
  SupervisionMonthly supervisionMonthly(
      JdbcTemplate jdbc, InspectionLists lists, FenheClock clock) {
    return new SupervisionMonthly(jdbc, lists, clock);
  }

  @Bean
  SupervisionSummary supervisionSummary(
      JdbcTemplate jdbc, WorkingDayCalendar calendar, FenheClock clock) {
    return new SupervisionSummary(jdbc, calendar, clock);
  }

  /** An act started from the form or the API: the act's checks (X-R04). */
  @Bean
  StartValidator supervisionActStartValidator(
      SupervisionActs acts, ActChecks checks, FenheClock clock) {
    return StartValidator.of(
        SupervisionProcess.ACT_KEY, v -> checks.check("", acts.actOf(v), clock.now()));
  }

  @Bean
  StartValidator supervisionRiskClueStartValidator(SupervisionClues clues) {
    return StartValidator.of(SupervisionProcess.CLUE_KEY, clues::start);
  }

  /** A manual monthly check names a month not after this one (or none: the month before). */
  @Bean
  StartValidator supervisionMonthlyCheckStartValidator(FenheClock clock) {
    return StartValidator.of(
        SupervisionProcess.MONTHLY_KEY,
        v -> {
          List<FieldError> errors = new ArrayList<>();
          Object month = v.get(CHECK_MONTH);
          if (month instanceof String s && !s.isBlank()) {
            try {
              if (YearMonth.parse(s.trim()).isAfter(YearMonth.from(clock.today()))) {
                errors.add(P5Refusal.CHECK_MONTH_INVALID.at(CHECK_MONTH));
              }
            } catch (DateTimeParseException e) {
              errors.add(P5Refusal.CHECK_MONTH_INVALID.at(CHECK_MONTH));
            }
          } else if (month != null && !(month instanceof String)) {
            errors.add(P5Refusal.CHECK_MONTH_INVALID.at(CHECK_MONTH));
          }
          return errors;
        });
  }

  @Bean
  TaskListener supervisionActCorrection(SupervisionActs acts) {
    return acts.correction();
  }

  @Bean
  TaskCompletionCheck supervisionClueVerifyCheck(SupervisionClues clues) {
    return TaskCompletionCheck.of(clues::verify);
  }

  @Bean
  TaskCompletionCheck supervisionClueHandleCheck(SupervisionClues clues) {
    return TaskCompletionCheck.of(clues::handle);
  }

  @Bean
  TaskCompletionCheck supervisionClueCloseCheck(SupervisionClues clues) {
    return TaskCompletionCheck.of(clues::close);
  }

  @Bean
  TaskCompletionCheck supervisionFollowUpCheck(SupervisionClues clues) {
    return TaskCompletionCheck.of(clues::followUp);
  }
}
