package cn.gov.linfen.fenhe.workbench.actions;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Installs the {@link SignerGuard} on every user task of every model parsed by the engine. */
class ActionsEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    List<BpmnParseListener> all =
        listeners == null ? new ArrayList<>() : new ArrayList<>(listeners);
    all.add(new SignerGuard());
    configuration.setCustomPostBPMNParseListeners(all);
  }
}
