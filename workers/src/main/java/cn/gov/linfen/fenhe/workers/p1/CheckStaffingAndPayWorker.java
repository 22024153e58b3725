package cn.gov.linfen.fenhe.workers.p1;

import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Variables.*;

import cn.gov.linfen.fenhe.common.Yuan;
import cn.gov.linfen.fenhe.procedures.p1.ApplicationCheck;
import cn.gov.linfen.fenhe.procedures.p1.CheckingStaffingAndPay;
import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess;
import cn.gov.linfen.fenhe.procedures.p1.StaffingStandards.Role;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.springframework.stereotype.Component;

/** Topic {@value SoeReformFundProcess.Topics#CHECK_STAFFING_AND_PAY}: read, call, complete. */
@Component
@ExternalTaskSubscription(SoeReformFundProcess.Topics.CHECK_STAFFING_AND_PAY)
public class CheckStaffingAndPayWorker implements ExternalTaskHandler {

  static final Map<Role, String> PAY_VARIABLES =
      Map.of(
          Role.EXTERNAL_HEAD, EXTERNAL_HEAD_MONTHLY_PAY,
          Role.GROUP_LEADER, GROUP_LEADER_MONTHLY_PAY,
          Role.OTHER_STAFF, OTHER_STAFF_MONTHLY_PAY,
          Role.CARETAKER, CARETAKER_MONTHLY_PAY);

  private final CheckingStaffingAndPay checking;

  public CheckStaffingAndPayWorker(CheckingStaffingAndPay checking) {
    this.checking = checking;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    int employees = ApplicationCheck.wholeNumber(task.getVariable(EMPLOYEE_COUNT)).intValue();
    Integer hired = count(task.getVariable(HIRED_STAFF_COUNT));
    Integer caretakers = count(task.getVariable(CARETAKER_STAFF_COUNT));
    Map<Role, BigDecimal> pay = new EnumMap<>(Role.class);
    PAY_VARIABLES.forEach(
        (role, variable) -> {
          BigDecimal amount = Yuan.parse(task.getVariable(variable));
          if (amount != null) {
            pay.put(role, amount);
          }
        });

    CheckingStaffingAndPay.Findings findings = checking.check(employees, hired, caretakers, pay);

    service.complete(
        task,
        Map.of(
            STAFFING_FINDINGS, findings.text(),
            STAFFING_BREACH_COUNT, findings.breaches(),
            STAFFING_STANDARD_APPLIES, findings.standardApplies(),
            STAFFING_BAND, findings.band()));
  }

  private static Integer count(Object value) {
    Long count = value == null ? null : ApplicationCheck.wholeNumber(value);
    return count == null ? null : count.intValue();
  }
}
