package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Variables;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The process engine's decisions run on {@link ParsedOnceFeelEngine} (issue 20). */
class ParsedOnceFeelWiringTest extends IntegrationTest {

  @Autowired ProcessEngine engine;

  @Test
  void the_engines_decisions_use_the_parsed_once_feel_and_decide_as_the_table_says() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getDmnEngineConfiguration().getFeelEngine())
        .isInstanceOf(ParsedOnceFeelEngine.class);
    Map<String, Object> application = new HashMap<>();
    List<String> amounts = new ArrayList<>(List.of(Variables.LIQUIDATION_COST_AMOUNT));
    amounts.addAll(Variables.RESETTLEMENT_ITEMS);
    for (String amount : amounts) {
      application.put(amount, "0.00"); // as the form sends amounts
    }
    application.put("medicalArrears", "12000.00");
    List<Map<String, Object>> rows =
        engine
            .getDecisionService()
            .evaluateDecisionTableByKey("soe-reform-fund-reviewers", application)
            .getResultList();
    assertThat(rows).isNotEmpty();
    assertThat(rows.toString()).contains("medical-insurance-bureau");
  }
}
