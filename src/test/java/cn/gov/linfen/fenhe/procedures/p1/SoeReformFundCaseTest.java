package cn.gov.linfen.fenhe.procedures.p1;

import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.workers.common.EscalateWorker;
import cn.gov.linfen.fenhe.workers.p1.CheckStaffingAndPayWorker;
import cn.gov.linfen.fenhe.workers.p1.IssueDisbursementNoticeWorker;
import cn.gov.linfen.fenhe.workers.p1.RecordTransferWorker;
import cn.gov.linfen.fenhe.workers.p1.ValidateApplicationWorker;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the tests that drive P1 cases: the engine, P1's real workers, and a new case's scenario.
 */
public abstract class SoeReformFundCaseTest extends IntegrationTest {

  @Autowired protected ProcessEngine engine;
  @Autowired ValidateApplicationWorker validate;
  @Autowired CheckStaffingAndPayWorker staffing;
  @Autowired IssueDisbursementNoticeWorker notice;
  @Autowired RecordTransferWorker record;
  @Autowired EscalateWorker alert;

  /** A new P1 case (business key: the prefix and a random part), its workers the real ones. */
  protected SoeReformFundScenario scenario(String prefix) {
    return new SoeReformFundScenario(
        engine,
        baseUrl(),
        prefix + "-" + UUID.randomUUID(),
        SoeReformFundScenario.workers(validate, staffing, notice, record, alert));
  }
}
