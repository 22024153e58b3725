package cn.gov.linfen.fenhe.procedures.p1;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.common.Reason;
import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.engine.validation.StartValidator;
import cn.gov.linfen.fenhe.engine.validation.TaskCompletionCheck;
import cn.gov.linfen.fenhe.identity.ApplicantAccess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine-side wiring of P1 (国企改革专项资金): the start checks of both processes, the server-side checks
 * of what each kind of user task is completed with (named in the models as {@code
 * ${soeReformFund…Check}}), and the applicant's read access to his own case.
 */
@Configuration(proxyBeanMethods = false)
@EngineRole
public class SoeReformFundConfiguration {

  private final FenheClock clock;

  public SoeReformFundConfiguration(FenheClock clock) {
    this.clock = clock;
  }

  @Bean
  StartValidator soeReformFundStartValidator(ApplicationCheck check) {
    return StartValidator.of(SoeReformFundProcess.KEY, check::check);
  }

  @Bean
  StartValidator soeReformFundEvaluationStartValidator() {
    return StartValidator.of(SoeReformFundProcess.EVALUATION_KEY, this::evaluationYear);
  }

  List<FieldError> evaluationYear(Map<String, Object> variables) {
    Object year = variables.get(SoeReformFundProcess.Variables.EVALUATION_YEAR);
    if (year == null || year instanceof String text && text.isBlank()) {
      return List.of(); // the previous year
    }
    if (!(year instanceof Number number)
        || number.doubleValue() != Math.rint(number.doubleValue())) {
      return List.of(
          P1Refusal.EVALUATION_YEAR_NOT_A_YEAR.at(SoeReformFundProcess.Variables.EVALUATION_YEAR));
    }
    Reason problem = OpeningEvaluationRound.yearProblem(number.intValue(), clock.today());
    if (problem != null) {
      return List.of(problem.at(SoeReformFundProcess.Variables.EVALUATION_YEAR));
    }
    return List.of();
  }

  /**
   * The date a notice names for the transfer (Appendix 3 "请你公司收到通知后，于 M月D日前…完成资金划转", Art. 9(3)
   * "三个工作日内", P1-R19), used by the model as {@code ${soeReformFundTransferDate.after(3)}}: the N-th
   * working day after today in Fenhe's time zone on the engine clock, holidays and make-up days per
   * the working-day calendar — the same day as the transfer task's {@code 3WD} due date. The number
   * of days stays in the model next to {@code 3WD}.
   */
  public record TransferDate(
      cn.gov.linfen.fenhe.calendar.WorkingDayCalendar calendar, FenheClock clock) {
    public String after(int workingDays) {
      java.time.Instant now = clock.now();
      return calendar.dateOf(calendar.deadline(now, workingDays)).toString();
    }
  }

  /**
   * Numbers the disbursement notice (Appendix 3, P1-R19) when the engine reaches "编号并出具拨款通知书": the
   * next number of the year for 临企改拨 ({@code 临企改拨〔2026〕7号}), taken in the transaction that
   * completes the reform office's notice task, with the day of issue. The worker that writes the
   * notice's text reads both; a retried worker takes no second number, and a second pass (a case
   * resumed after a hold) gets the same number back (one per case and kind).
   */
  /** P1's documents: 附件1 申请表, 附件2 审核表, 附件3 拨款通知书 (docs/documents.md). */
  @Bean
  SoeReformFundDocuments soeReformFundDocuments(
      cn.gov.linfen.fenhe.documents.DocumentNumbers numbers) {
    return new SoeReformFundDocuments(numbers, clock.zone());
  }

  @Bean
  org.camunda.bpm.engine.delegate.ExecutionListener soeReformFundNoticeNumber(
      cn.gov.linfen.fenhe.documents.DocumentNumbers numbers) {
    return execution -> {
      String issuer =
          execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication()
                  == null
              ? "system"
              : execution
                  .getProcessEngineServices()
                  .getIdentityService()
                  .getCurrentAuthentication()
                  .getUserId();
      cn.gov.linfen.fenhe.documents.DocumentNumbers.Issued issued =
          numbers.issue(
              execution.getProcessBusinessKey(),
              SoeReformFundDocuments.DISBURSEMENT_NOTICE.kind(),
              SoeReformFundDocuments.NOTICE_PREFIX,
              issuer);
      execution.setVariable(SoeReformFundProcess.Variables.NOTICE_NUMBER, issued.number());
      execution.setVariable(
          SoeReformFundProcess.Variables.NOTICE_ISSUED_ON,
          clock.dateOf(issued.issuedAt()).toString());
    };
  }

  @Bean
  TransferDate soeReformFundTransferDate(cn.gov.linfen.fenhe.calendar.WorkingDayCalendar calendar) {
    return new TransferDate(calendar, clock);
  }

  /**
   * Start listener of the self-evaluation (Art. 11–13, P1-R20): the projects whose disbursement
   * notice was issued in the year evaluated, each with the performance goals entered with its
   * application — what the departments and SASAC evaluate against.
   */
  @Bean
  org.camunda.bpm.engine.delegate.ExecutionListener soeReformFundYearProjects() {
    return execution -> {
      Object year = execution.getVariable(SoeReformFundProcess.Variables.EVALUATION_YEAR);
      org.camunda.bpm.engine.HistoryService history =
          execution.getProcessEngineServices().getHistoryService();
      StringBuilder text = new StringBuilder();
      int count = 0;
      for (org.camunda.bpm.engine.history.HistoricProcessInstance instance :
          history
              .createHistoricProcessInstanceQuery()
              .processDefinitionKey(SoeReformFundProcess.KEY)
              .variableValueLike(SoeReformFundProcess.Variables.NOTICE_ISSUED_ON, year + "-%")
              .orderByProcessInstanceStartTime()
              .asc()
              .list()) {
        Map<String, Object> v = new HashMap<>();
        for (org.camunda.bpm.engine.history.HistoricVariableInstance variable :
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .list()) {
          if (instance.getId().equals(variable.getActivityInstanceId())
              || !v.containsKey(variable.getName())) {
            v.put(variable.getName(), variable.getValue());
          }
        }
        count++;
        text.append(count)
            .append("．")
            .append(v.get(SoeReformFundProcess.Variables.ENTERPRISE_NAME))
            .append("（申请编号 ")
            .append(instance.getBusinessKey())
            .append("，主管部门 ")
            .append(v.getOrDefault(SoeReformFundProcess.Variables.SUPERVISING_DEPARTMENT_NAME, "—"))
            .append("，拨款通知书 ")
            .append(v.get(SoeReformFundProcess.Variables.NOTICE_ISSUED_ON))
            .append("，拨付 ")
            .append(v.get(SoeReformFundProcess.Variables.DISBURSEMENT_AMOUNT))
            .append(" 元")
            .append(
                Boolean.TRUE.equals(v.get(SoeReformFundProcess.Variables.TRANSFER_OVERDUE))
                    ? "，划转逾期"
                    : "")
            .append("）\n　　绩效目标：")
            .append(v.getOrDefault(SoeReformFundProcess.Variables.PERFORMANCE_GOALS, "（申请时未填报）"))
            .append('\n');
      }
      execution.setVariable(
          SoeReformFundProcess.Variables.YEAR_PROJECTS,
          count == 0
              ? year + "年没有出具拨款通知书的项目。"
              : year + "年出具拨款通知书的项目共 " + count + " 个：\n" + text.toString().trim());
    };
  }

  @Bean
  ApplicantAccess soeReformFundApplicantAccess() {
    return new ApplicantAccess(SoeReformFundProcess.Variables.APPLICANT);
  }

  @Bean
  TaskCompletionCheck soeReformFundReviewCheck(CompletionChecks checks) {
    return TaskCompletionCheck.of(checks::review);
  }

  @Bean
  TaskCompletionCheck soeReformFundCorrectionCheck(CompletionChecks checks) {
    return TaskCompletionCheck.of(checks::correction);
  }

  @Bean
  TaskCompletionCheck soeReformFundProcurementCheck(CompletionChecks checks) {
    return TaskCompletionCheck.of(checks::procurement);
  }

  @Bean
  TaskCompletionCheck soeReformFundNoticeCheck(CompletionChecks checks) {
    return TaskCompletionCheck.of(checks::notice);
  }

  /**
   * The transferred amount must equal the notice's amount as the case holds it: read from the case,
   * not from the task's view, which a submission could have overwritten (the model keeps the
   * notice's fields task-local on the transfer, so whatever else the transfer submits under their
   * names is discarded).
   */
  @Bean
  TaskListener soeReformFundTransferCheck(CompletionChecks checks) {
    return task ->
        TaskCompletionCheck.of(
                variables -> {
                  Map<String, Object> checked = new HashMap<>(variables);
                  checked.put(
                      SoeReformFundProcess.Variables.DISBURSEMENT_AMOUNT,
                      task.getExecution()
                          .getProcessInstance()
                          .getVariableLocal(SoeReformFundProcess.Variables.DISBURSEMENT_AMOUNT));
                  return checks.transfer(checked);
                })
            .notify(task);
  }

  @Bean
  TaskCompletionCheck soeReformFundFollowUpCheck(CompletionChecks checks) {
    return TaskCompletionCheck.of(checks::followUp);
  }

  @Bean
  TaskCompletionCheck soeReformFundHoldCheck(CompletionChecks checks) {
    return TaskCompletionCheck.of(checks::hold);
  }

  @Bean
  TaskCompletionCheck soeReformFundSuspensionDecisionCheck(CompletionChecks checks) {
    return TaskCompletionCheck.of(checks::suspensionDecision);
  }

  @Bean
  TaskCompletionCheck soeReformFundSelfEvaluationCheck(CompletionChecks checks) {
    return TaskCompletionCheck.of(checks::selfEvaluation);
  }

  @Bean
  TaskCompletionCheck soeReformFundSasacEvaluationCheck(CompletionChecks checks) {
    return TaskCompletionCheck.of(checks::sasacEvaluation);
  }
}
