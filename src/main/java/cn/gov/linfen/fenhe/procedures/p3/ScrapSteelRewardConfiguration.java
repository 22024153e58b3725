package cn.gov.linfen.fenhe.procedures.p3;

import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Variables.*;

import cn.gov.linfen.fenhe.audit.AuditLog;
import cn.gov.linfen.fenhe.calendar.WorkingDayCalendar;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.engine.validation.StartValidator;
import cn.gov.linfen.fenhe.engine.validation.TaskCompletionCheck;
import cn.gov.linfen.fenhe.identity.ApplicantAccess;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Engine-side wiring of P3 (废钢铁加工企业奖励资金): the start check (window, period, declaration, figures,
 * one application per enterprise and period — the register row is written in the start's
 * transaction), the deadlines and the applicant's read access set at the start, the release of a
 * withdrawn case's period, and the server-side checks of each kind of user task (named in the model
 * as {@code ${scrapSteel…Check}}).
 */
@Configuration(proxyBeanMethods = false)
@EngineRole
public class ScrapSteelRewardConfiguration {

  private final FenheClock clock;

  public ScrapSteelRewardConfiguration(FenheClock clock) {
    this.clock = clock;
  }

  /** P3's confirmation table (确认表) as PDF (docs/documents.md). */
  @Bean
  ScrapSteelRewardDocuments scrapSteelRewardDocuments() {
    return new ScrapSteelRewardDocuments(clock.zone());
  }

  @Bean
  ScrapSteelRegisters scrapSteelRegisters(JdbcTemplate jdbc, AuditLog audit) {
    return new ScrapSteelRegisters(jdbc, audit);
  }

  @Bean
  ScrapSteelDeadlines scrapSteelDeadlines(
      WorkingDayCalendar calendar, ScrapSteelRewardProperties properties) {
    return new ScrapSteelDeadlines(
        calendar, properties.deadlineMonths(), properties.dueSoonWorkingDays());
  }

  @Bean
  StartValidator scrapSteelRewardStartValidator(
      ApplicationCheck check, ScrapSteelRegisters registers) {
    return StartValidator.of(
        ScrapSteelRewardProcess.KEY,
        variables -> validateStart(check, registers, variables, clock));
  }

  static List<FieldError> validateStart(
      ApplicationCheck check,
      ScrapSteelRegisters registers,
      Map<String, Object> variables,
      FenheClock clock) {
    Instant now = clock.now();
    LocalDate today = clock.dateOf(now);
    List<FieldError> errors = new ArrayList<>(check.checkStart(variables, today));
    // the MIIT announcement list is not checked here: it is information for the reviewers (P3-R01)
    if (errors.isEmpty()) {
      String code = ((String) variables.get(CREDIT_CODE)).trim();
      String period = check.window().periodOn(today).orElseThrow();
      if (!registers.claim(
          code,
          period,
          ((String) variables.get(ENTERPRISE_NAME)).trim(),
          (String) variables.get(COUNTY),
          now)) {
        errors.add(
            P3Refusal.ALREADY_APPLIED.at(CREDIT_CODE, ApplicationWindow.label(period), period));
      }
    }
    return errors;
  }

  /**
   * The round: opened by its timer on 1 January / 1 July, or by the city bureau by hand (REST
   * start) when the timer could not (e.g. the platform went live mid-January) — only in an
   * application month and only when no round is open.
   */
  @Bean
  StartValidator scrapSteelRewardRoundStartValidator(
      ApplicationCheck check,
      org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.RuntimeService>
          runtime) {
    return StartValidator.of(
        ScrapSteelRewardProcess.ROUND_KEY,
        variables -> {
          LocalDate today = clock.today();
          if (!check.window().isOpen(today)) {
            return List.of(
                P3Refusal.ROUND_OPENS_APPLICATION_MONTH.at(
                    PERIOD, check.window().monthsInChinese()));
          }
          // whoever starts it, all open rounds count (not only those he may read)
          long open =
              org.camunda.bpm.engine.impl.context.Context.getCommandContext()
                  .runWithoutAuthorization(
                      () ->
                          runtime
                              .getObject()
                              .createProcessInstanceQuery()
                              .processDefinitionKey(ScrapSteelRewardProcess.ROUND_KEY)
                              .count());
          if (open > 0) {
            return List.of(P3Refusal.ROUND_OPEN_ALREADY.at(PERIOD));
          }
          return List.of();
        });
  }

  /**
   * Start listener: the period applied for (the preceding half-year, P3-R08; checked by the start
   * check when given) and its Chinese label, the application day and the deadlines of P3-R06.
   */
  @Bean
  ExecutionListener scrapSteelRewardDeadlines(ScrapSteelDeadlines deadlines) {
    return execution -> {
      if (execution.getParentId() != null) {
        return;
      }
      Instant now = clock.now();
      ScrapSteelDeadlines.Deadlines due = deadlines.of(now);
      Object period = execution.getVariable(PERIOD);
      String key =
          period == null || period instanceof String text && text.isBlank()
              ? ApplicationWindow.precedingPeriod(due.applicationDate())
              : String.valueOf(period).trim();
      execution.setVariable(PERIOD, key);
      execution.setVariable(PERIOD_LABEL, ApplicationWindow.label(key));
      execution.setVariable(APPLICATION_DATE, due.applicationDate().toString());
      execution.setVariable(DUE_AT, Date.from(due.dueAt()));
      execution.setVariable(DUE_SOON_AT, Date.from(due.dueSoonAt()));
    };
  }

  /**
   * Start listener: whether the enterprise is on the MIIT announcement list, and since when, for
   * the reviewers (P3-R01: 一 ties the list to the 30% VAT refund; 二、三 reward every scrap-steel
   * processing enterprise of the city; 四 encourages applying to the list). Not a condition.
   */
  @Bean
  ExecutionListener scrapSteelRewardMiitList(ScrapSteelRegisters registers) {
    return execution -> {
      if (execution.getParentId() != null) {
        return;
      }
      String code = String.valueOf(execution.getVariable(CREDIT_CODE)).trim();
      ScrapSteelRegisters.Announced listed = registers.announcedEntry(code).orElse(null);
      execution.setVariable(MIIT_LISTED, listed != null);
      execution.setVariable(MIIT_LIST_INFO, miitListInfo(listed));
    };
  }

  String miitListInfo(ScrapSteelRegisters.Announced listed) {
    if (listed == null) {
      return "未纳入工信部公告管理的废钢铁加工企业名单（不影响申请奖励资金；增值税即征即退 30% 仅适用于名单内企业，"
          + "可鼓励企业申报行业准入，临政办发〔2021〕20号 一、四）";
    }
    String since = clock.dateOf(listed.addedAt()).toString();
    return "已纳入工信部公告管理的废钢铁加工企业名单（"
        + (listed.announcement() == null ? "" : "公告：" + listed.announcement() + "；")
        + "自 "
        + since
        + " 起列入本平台名单）";
  }

  @Bean
  ApplicantAccess scrapSteelRewardApplicantAccess() {
    return new ApplicantAccess(APPLICANT);
  }

  /**
   * End listener of the withdrawn end: the enterprise may apply again for the period while the
   * window is open.
   */
  @Bean
  ExecutionListener scrapSteelRewardRelease(ScrapSteelRegisters registers) {
    return execution ->
        registers.release(
            String.valueOf(execution.getVariable(CREDIT_CODE)).trim(),
            String.valueOf(execution.getVariable(PERIOD)).trim());
  }

  @Bean
  TaskCompletionCheck scrapSteelReviewCheck(CompletionChecks checks) {
    return TaskCompletionCheck.of(checks::review);
  }

  /**
   * The county's review: the conclusion, and when it approves the sales channels verified (P3-R09).
   */
  @Bean
  TaskCompletionCheck scrapSteelCountyReviewCheck(CompletionChecks checks) {
    return TaskCompletionCheck.of(checks::countyReview);
  }

  @Bean
  TaskCompletionCheck scrapSteelCorrectionCheck(CompletionChecks checks) {
    return TaskCompletionCheck.of(checks::correction);
  }

  /**
   * The amount paid must equal the share the case holds: read from the case, not from the task's
   * view, which a submission could have overwritten (the model keeps the application and the reward
   * task-local on every task, so anything else a task submits is discarded).
   */
  @Bean
  TaskListener scrapSteelCityDisbursementCheck(CompletionChecks checks) {
    return task ->
        TaskCompletionCheck.of(v -> checks.cityDisbursement(withCaseValue(task, v, REWARD_CITY)))
            .notify(task);
  }

  @Bean
  TaskListener scrapSteelCountyDisbursementCheck(CompletionChecks checks) {
    return task ->
        TaskCompletionCheck.of(
                v -> checks.countyDisbursement(withCaseValue(task, v, REWARD_COUNTY)))
            .notify(task);
  }

  private static Map<String, Object> withCaseValue(
      DelegateTask task, Map<String, Object> variables, String name) {
    Map<String, Object> checked = new HashMap<>(variables);
    checked.put(name, task.getExecution().getProcessInstance().getVariableLocal(name));
    return checked;
  }

  @Bean
  TaskCompletionCheck scrapSteelFollowUpCheck(CompletionChecks checks) {
    return TaskCompletionCheck.of(checks::followUp);
  }
}
