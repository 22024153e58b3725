package cn.gov.linfen.fenhe.processes;

import static cn.gov.linfen.fenhe.processes.SoeReformFundScenario.application;
import static cn.gov.linfen.fenhe.processes.SoeReformFundScenario.demo;
import static cn.gov.linfen.fenhe.processes.SoeReformFundScenario.reject;
import static cn.gov.linfen.fenhe.workers.p1.SoeReformFundProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.workers.p1.CheckStaffingAndPayWorker;
import cn.gov.linfen.fenhe.workers.p1.IssueDisbursementNoticeWorker;
import cn.gov.linfen.fenhe.workers.p1.RaiseOverdueAlertWorker;
import cn.gov.linfen.fenhe.workers.p1.RecordTransferWorker;
import cn.gov.linfen.fenhe.workers.p1.SoeReformFundProcess.Groups;
import cn.gov.linfen.fenhe.workers.p1.ValidateApplicationWorker;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** P1 国企改革专项资金 end to end: every path to its end event, as the users, with the real workers. */
class SoeReformFundProcessTest extends IntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired ValidateApplicationWorker validate;
  @Autowired CheckStaffingAndPayWorker staffing;
  @Autowired IssueDisbursementNoticeWorker notice;
  @Autowired RecordTransferWorker record;
  @Autowired RaiseOverdueAlertWorker alert;

  SoeReformFundScenario scenario(String prefix) {
    return new SoeReformFundScenario(engine, baseUrl(), prefix + "-" + UUID.randomUUID(),
        SoeReformFundScenario.workers(validate, staffing, notice, record, alert));
  }

  @Test
  void P1_R07_municipal_government_signs_from_500000_yuan() {
    SoeReformFundScenario p1 = scenario("P1-R07").start(application(Map.of(
        "liquidationCostAmount", "300000.00", "economicCompensation", "200000.00")));

    p1.runUntil();

    assertThat(p1.topLevelEnd()).isEqualTo(END_DISBURSED);
    assertThat(p1.worked()).containsExactly(INITIAL_REVIEW, COMPLETENESS_CHECK, SUPERVISING_DEPARTMENT_COST_REVIEW,
        HRSS_REVIEW, FINANCE_RECHECK, MUNICIPAL_GOVERNMENT_SIGN_OFF, PREPARE_NOTICE, TRANSFER_FUNDS);
    assertThat(p1.historicVariable("signOffRoute")).isEqualTo("MUNICIPAL_GOVERNMENT_WHOLE");
    p1.assertWiring();
  }
}
