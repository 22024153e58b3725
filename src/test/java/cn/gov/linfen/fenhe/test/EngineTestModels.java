package cn.gov.linfen.fenhe.test;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** Small models and grants for the engine's own tests (external tasks, authorizations). */
public final class EngineTestModels {

  private EngineTestModels() {}

  /** start → one external task of the topic → end. */
  public static BpmnModelInstance oneExternalTask(String key, String topic) {
    return Bpmn.createExecutableProcess(key)
        .name("测试")
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Test")
        .serviceTask("ServiceTask_Work")
        .camundaExternalTask(topic)
        .endEvent("EndEvent_Done")
        .done();
  }

  /**
   * A grant ({@code AUTH_TYPE_GRANT}) or revoke ({@code AUTH_TYPE_REVOKE}) of the permissions on
   * process definitions for the user; its id.
   */
  public static String authorizeDefinitions(
      ProcessEngine engine, int type, String user, String resourceId, Permission... permissions) {
    Authorization authorization = engine.getAuthorizationService().createNewAuthorization(type);
    authorization.setUserId(user);
    authorization.setResource(Resources.PROCESS_DEFINITION);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      if (type == Authorization.AUTH_TYPE_REVOKE) {
        authorization.removePermission(permission);
      } else {
        authorization.addPermission(permission);
      }
    }
    return engine.getAuthorizationService().saveAuthorization(authorization).getId();
  }
}
