package cn.gov.linfen.fenhe.engine;

import cn.gov.linfen.fenhe.common.FenheGroup;
import cn.gov.linfen.fenhe.engine.validation.EngineRefusal;
import cn.gov.linfen.fenhe.web.PlatformRefusal;
import java.util.List;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Scripts run with the engine's rights: only an administrator may deploy a model that contains a
 * script task or a script (in listeners, conditions or input/output mappings). Deployments made by
 * the platform itself at start-up (no user) are allowed.
 */
public class ScriptDeploymentGuard extends AbstractBpmnParseListener {

  @Override
  public void parseProcess(
      Element processElement,
      org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity processDefinition) {
    if (containsScript(processElement)) {
      checkMayDeployScripts(processElement, processDefinition.getKey());
    }
  }

  @Override
  public void parseScriptTask(Element scriptTaskElement, ScopeImpl scope, ActivityImpl activity) {
    checkMayDeployScripts(scriptTaskElement, activity.getId());
  }

  private static boolean containsScript(Element element) {
    String tag = element.getTagName();
    if ("script".equals(tag) || "scriptTask".equals(tag)) {
      return true;
    }
    String language = element.attribute("language");
    if ("conditionExpression".equals(tag) && language != null) {
      return true;
    }
    for (Element child : element.elements()) {
      if (containsScript(child)) {
        return true;
      }
    }
    return false;
  }

  private static void checkMayDeployScripts(Element element, String where) {
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext == null) {
      return;
    }
    String userId = commandContext.getAuthenticatedUserId();
    if (userId == null) {
      return; // the platform's own start-up deployment
    }
    List<String> groups = commandContext.getAuthenticatedGroupIds();
    if (groups == null || !groups.contains(FenheGroup.ADMINS.id())) {
      // a parse error: nothing is deployed; the refusal (recorded when made) is what the caller
      // is answered: 403 with the reason, whatever the engine makes of the parse error
      EngineRefusal refusal =
          EngineRefusal.forbidden(
              PlatformRefusal.ADMINISTRATORS_DEPLOY_MODELS_CONTAINING_SCRIPTS.at("data", where));
      throw new BpmnParseException(refusal.getMessage(), element);
    }
  }
}
